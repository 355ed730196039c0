package dev.sky4j.requests;

/** The body of a long operation; its return value becomes the request's result. */
@FunctionalInterface
public interface Operation {
  Object run(RequestContext ctx) throws Exception;
}
