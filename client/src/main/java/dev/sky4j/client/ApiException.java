package dev.sky4j.client;

import dev.sky4j.client.dto.Problem;

/** The server answered with an error: {@link #problem()} holds its code and actionable message. */
public final class ApiException extends Exception {
  private final transient Problem problem;

  public ApiException(Problem problem) {
    super(problem.message());
    this.problem = problem;
  }

  public Problem problem() {
    return problem;
  }

  public String code() {
    return problem.code();
  }
}
