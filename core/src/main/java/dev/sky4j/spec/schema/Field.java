package dev.sky4j.spec.schema;

import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One node of the task schema: the single source the validator, the JSON schema export and the
 * language server (completion, hover) read. An object field lists its known {@link #children()};
 * {@link #values()} describes any other keys (with {@link #keyPattern()}), and is null when other
 * keys are an error. An array field describes its items in {@link #items()}.
 */
public final class Field {
  private final String name;
  private final String description;
  private final Set<FieldType> types;
  private final Map<String, Field> children;
  private final Field values;
  private final String keyPattern;
  private final Field items;
  private final List<String> enumValues;
  private final boolean caseInsensitive;
  private final String pattern;
  private final Double minimum;
  private final Double maximum;
  private final List<String> required;
  private final String deprecatedBy;

  Field(Builder b) {
    this.name = b.name;
    this.description = b.description;
    this.types = Collections.unmodifiableSet(EnumSet.copyOf(b.types));
    Map<String, Field> kids = new LinkedHashMap<>();
    b.children.forEach(f -> kids.put(f.name(), f));
    this.children = Collections.unmodifiableMap(kids);
    this.values = b.values;
    this.keyPattern = b.keyPattern;
    this.items = b.items;
    this.enumValues = List.copyOf(b.enumValues);
    this.caseInsensitive = b.caseInsensitive;
    this.pattern = b.pattern;
    this.minimum = b.minimum;
    this.maximum = b.maximum;
    this.required = List.copyOf(b.required);
    this.deprecatedBy = b.deprecatedBy;
  }

  public String name() { return name; }

  /** One line, for completion and hover. */
  public String description() { return description; }

  public Set<FieldType> types() { return types; }

  public boolean accepts(FieldType t) {
    return types.contains(t) || (t == FieldType.INTEGER && types.contains(FieldType.NUMBER));
  }

  /** Known keys of the object form, in documentation order. */
  public Map<String, Field> children() { return children; }

  /** Schema of keys other than {@link #children()}; null when other keys are unknown fields. */
  public Field values() { return values; }

  /** A regex other keys must match (JSON schema patternProperties), or null for any key. */
  public String keyPattern() { return keyPattern; }

  /** Schema of list items, or null when the field is not a list. */
  public Field items() { return items; }

  /** Allowed string values; empty when free text. */
  public List<String> enumValues() { return enumValues; }

  public boolean caseInsensitive() { return caseInsensitive; }

  /** A JSON-schema (ECMA 262) pattern for the string form; the validator checks it by hand. */
  public String pattern() { return pattern; }

  public Double minimum() { return minimum; }

  public Double maximum() { return maximum; }

  public List<String> required() { return required; }

  /** Non-null for a deprecated field: the field to use instead. */
  public String deprecatedBy() { return deprecatedBy; }

  /** Whether this is a free-form value: any type, any content, nothing to check. */
  public boolean isAny() {
    return types.size() == FieldType.values().length && children.isEmpty() && items == null;
  }

  /** Whether any key is accepted, with values of any type (free-form blocks such as config). */
  public boolean isOpen() {
    return values != null && values.types.size() == FieldType.values().length && keyPattern == null;
  }

  @Override
  public String toString() {
    return "Field[" + name + " " + types + "]";
  }

  static Builder of(String name, String description, FieldType... types) {
    return new Builder(name, description, types);
  }

  /** Fluent construction for {@link FieldModel}; not public, the model is fixed. */
  static final class Builder {
    private final String name;
    private final String description;
    private final EnumSet<FieldType> types = EnumSet.noneOf(FieldType.class);
    private final List<Field> children = new java.util.ArrayList<>();
    private Field values;
    private String keyPattern;
    private Field items;
    private List<String> enumValues = List.of();
    private boolean caseInsensitive;
    private String pattern;
    private Double minimum;
    private Double maximum;
    private List<String> required = List.of();
    private String deprecatedBy;

    Builder(String name, String description, FieldType... types) {
      this.name = name;
      this.description = description;
      this.types.addAll(List.of(types));
    }

    Builder child(Field f) { children.add(f); return this; }

    Builder child(Builder f) { children.add(f.build()); return this; }

    Builder children(List<Field> fs) { children.addAll(fs); return this; }

    Builder values(Field f) { values = f; return this; }

    Builder values(Builder f) { values = f.build(); return this; }

    Builder keyPattern(String p) { keyPattern = p; return this; }

    Builder items(Field f) { items = f; return this; }

    Builder items(Builder f) { items = f.build(); return this; }

    Builder enumOf(String... vs) { enumValues = List.of(vs); return this; }

    Builder enumOf(List<String> vs) { enumValues = List.copyOf(vs); return this; }

    Builder caseInsensitive() { caseInsensitive = true; return this; }

    Builder pattern(String p) { pattern = p; return this; }

    Builder min(double m) { minimum = m; return this; }

    Builder max(double m) { maximum = m; return this; }

    Builder required(String... r) { required = List.of(r); return this; }

    Builder deprecatedBy(String f) { deprecatedBy = f; return this; }

    Field build() { return new Field(this); }
  }
}
