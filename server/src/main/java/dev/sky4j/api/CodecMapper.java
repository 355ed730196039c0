package dev.sky4j.api;

import dev.sky4j.json.Json;
import dev.sky4j.json.RecordBinder;
import io.javalin.json.JsonMapper;
import java.lang.reflect.Type;

/** Javalin's JSON hook, backed by the client's codec so both ends read and write the same JSON. */
final class CodecMapper implements JsonMapper {
  @Override
  public String toJsonString(Object obj, Type type) {
    return Json.write(obj);
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T fromJsonString(String json, Type targetType) {
    return (T) RecordBinder.bind(Json.parse(json.isBlank() ? "{}" : json), targetType);
  }
}
