package dev.nexus.api.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.Keyword;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationContext;
import com.networknt.schema.resource.AllowSchemaLoader;
import dev.nexus.api.codec.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Compiles JSON Schemas once and keeps them: the built-in kinds' schemas from the classpath (by
 * resource name, forever) and schemas handed in at run time, such as a CRD's {@code
 * openAPIV3Schema} (by content, least recently used first out). Also answers "which schema node
 * sits at this location", which the error mapper uses to find {@code x-message} and the known
 * property names of an object.
 *
 * <p>{@code https://nexus.dev/schemas/X} is mapped to {@code classpath:schemas/X}, so a kind's
 * schema refers to {@code common.json#/$defs/...} and a CRD schema may refer to {@code
 * https://nexus.dev/schemas/common.json#/$defs/Quantity}. Nothing is ever loaded from the network:
 * a schema is user input, and a {@code $ref} must not make the server fetch URLs.
 */
final class SchemaCompiler {
  static final String BASE = "https://nexus.dev/schemas/";
  private static final String META_SCHEMA = "https://json-schema.org/draft/2020-12/schema";
  private static final int CUSTOM_CACHE_SIZE = 512;

  /** Keywords of OpenAPI 3 that Kubernetes CRD schemas use and that do not constrain values. */
  private static final Set<String> OPENAPI_ANNOTATIONS =
      Set.of("nullable", "example", "externalDocs", "discriminator", "xml");

  private final JsonSchemaFactory factory;
  private final SchemaValidatorsConfig config;
  private final Map<String, JsonSchema> builtin = new ConcurrentHashMap<>();
  private final Map<String, JsonNode> documents = new ConcurrentHashMap<>();
  private final Map<JsonNode, JsonSchema> custom;
  private final AtomicLong customIds = new AtomicLong();

  SchemaCompiler() {
    JsonMetaSchema meta =
        JsonMetaSchema.builder(JsonMetaSchema.getV202012())
            .unknownKeywordFactory(SchemaCompiler::unknownKeyword)
            .build();
    this.factory =
        JsonSchemaFactory.getInstance(
            SpecVersion.VersionFlag.V202012,
            b ->
                b.metaSchema(meta)
                    .schemaMappers(m -> m.mapPrefix(BASE, "classpath:schemas/"))
                    .schemaLoaders(l -> l.add(new AllowSchemaLoader(SchemaCompiler::loadable))));
    this.config =
        SchemaValidatorsConfig.builder()
            .pathType(PathType.JSON_POINTER)
            .formatAssertionsEnabled(true)
            .nullableKeywordEnabled(true)
            .build();
    this.custom =
        Collections.synchronizedMap(
            new LinkedHashMap<>(64, 0.75f, true) {
              private static final long serialVersionUID = 1L;

              @Override
              protected boolean removeEldestEntry(Map.Entry<JsonNode, JsonSchema> eldest) {
                if (size() > CUSTOM_CACHE_SIZE) {
                  documents.remove(
                      eldest.getValue().getSchemaLocation().getAbsoluteIri().toString());
                  return true;
                }
                return false;
              }
            });
  }

  /** The compiled schema of a classpath resource such as {@code /schemas/Workload.json}. */
  JsonSchema builtin(String resource) {
    return builtin.computeIfAbsent(resource, this::compileBuiltin);
  }

  /**
   * The compiled form of a schema given as JSON.
   *
   * @throws IllegalArgumentException if it does not compile (an unknown keyword, a {@code $ref}
   *     that does not resolve)
   */
  JsonSchema custom(JsonNode schema) {
    JsonSchema cached = custom.get(schema);
    if (cached != null) {
      return cached;
    }
    JsonNode copy = schema.deepCopy();
    String iri = BASE + "custom-" + customIds.incrementAndGet() + ".json";
    documents.put(iri, copy);
    try {
      JsonSchema compiled = factory.getSchema(SchemaLocation.of(iri), copy, config);
      compiled.initializeValidators();
      custom.put(copy, compiled);
      return compiled;
    } catch (RuntimeException e) {
      documents.remove(iri);
      throw new IllegalArgumentException(describe(e), e);
    }
  }

  /** The draft 2020-12 meta-schema, to check that a schema is well-formed. */
  JsonSchema metaSchema() {
    return builtin.computeIfAbsent(
        META_SCHEMA,
        iri -> {
          JsonSchema s = factory.getSchema(SchemaLocation.of(iri), config);
          s.initializeValidators();
          return s;
        });
  }

  /** The raw schema node at a location, or null when it is not one of ours. */
  JsonNode resolve(SchemaLocation location) {
    if (location == null || location.getAbsoluteIri() == null) {
      return null;
    }
    JsonNode node = document(location.getAbsoluteIri().toString());
    JsonNodePath fragment = location.getFragment();
    for (int i = 0; node != null && fragment != null && i < fragment.getNameCount(); i++) {
      Object element = fragment.getElement(i);
      node = element instanceof Integer index ? node.get(index) : node.get(element.toString());
    }
    return node;
  }

  private JsonNode document(String iri) {
    JsonNode doc = documents.get(iri);
    if (doc != null || !iri.startsWith(BASE)) {
      return doc;
    }
    String resource = "/schemas/" + iri.substring(BASE.length());
    try (InputStream in = SchemaCompiler.class.getResourceAsStream(resource)) {
      if (in == null) {
        return null;
      }
      doc = Json.MAPPER.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read schema " + resource, e);
    }
    documents.putIfAbsent(iri, doc);
    return doc;
  }

  private JsonSchema compileBuiltin(String resource) {
    String name = resource.startsWith("/schemas/") ? resource.substring(9) : resource;
    JsonSchema s = factory.getSchema(SchemaLocation.of(BASE + name), config);
    // Resolves every $ref now, so a broken schema fails at the first use, not mid-request.
    s.initializeValidators();
    return s;
  }

  private static boolean loadable(com.networknt.schema.AbsoluteIri iri) {
    String s = iri.toString();
    return s.startsWith("classpath:schemas/") || s.startsWith("classpath:draft/");
  }

  private static Keyword unknownKeyword(String name, ValidationContext context) {
    if (name.startsWith("x-") || OPENAPI_ANNOTATIONS.contains(name)) {
      return new NonValidationKeyword(name);
    }
    throw new IllegalArgumentException("unknown keyword '" + name + "'");
  }

  /** The innermost message: networknt wraps the cause, whose message is the useful one. */
  private static String describe(RuntimeException e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }
}
