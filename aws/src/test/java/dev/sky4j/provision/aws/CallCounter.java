package dev.sky4j.provision.aws;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/** Records every API call the provider makes (operation name and request), as the SDK sends it. */
public final class CallCounter implements ExecutionInterceptor {
  /** One call: {@code RunInstances}, and what was asked. */
  public record Call(String operation, SdkRequest request) {}

  private final List<Call> calls = Collections.synchronizedList(new ArrayList<>());

  @Override
  public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attrs) {
    calls.add(new Call(attrs.getAttribute(SdkExecutionAttribute.OPERATION_NAME), context.request()));
  }

  public List<Call> calls() {
    synchronized (calls) {
      return List.copyOf(calls);
    }
  }

  public long count(String operation) {
    return calls().stream().filter(c -> c.operation().equals(operation)).count();
  }

  public void clear() {
    calls.clear();
  }
}
