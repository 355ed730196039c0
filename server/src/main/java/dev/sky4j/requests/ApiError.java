package dev.sky4j.requests;

import dev.sky4j.client.dto.Problem;

/**
 * An error meant for the user: it becomes a problem object with {@code code} and an actionable
 * {@code message}. Anything else that escapes an operation is reported as an internal error.
 */
public final class ApiError extends RuntimeException {
  private final transient Problem problem;

  public ApiError(int status, String code, String message) {
    this(Problem.of(status, code, message));
  }

  public ApiError(Problem problem) {
    super(problem.message());
    this.problem = problem;
  }

  public Problem problem() {
    return problem;
  }

  public static ApiError notFound(String code, String message) {
    return new ApiError(404, code, message);
  }

  public static ApiError badRequest(String code, String message) {
    return new ApiError(400, code, message);
  }

  public static ApiError conflict(String code, String message) {
    return new ApiError(409, code, message);
  }
}
