package dev.nexus.apiserver.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nexus.api.error.ApiException;
import dev.nexus.api.kinds.KindInfo;
import dev.nexus.apiserver.registry.DeleteOptions;
import dev.nexus.apiserver.registry.ListResult;
import dev.nexus.apiserver.registry.ObjectRef;
import dev.nexus.apiserver.registry.ResourceRegistry;
import dev.nexus.apiserver.registry.Subresource;
import dev.nexus.apiserver.storage.Consistency;
import io.helidon.http.Method;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.List;

/**
 * Serves everything under {@code /apis/{group}/{version}}: resolves the path to a kind, a scope and
 * a subresource, checks the method is allowed there (405 otherwise), and calls the {@link
 * ResourceRegistry}. Responses are the object, a {@code XList}, or a Table when asked for.
 */
final class ResourceHandler implements Handler {
  private final ResourceRegistry registry;
  private final Discovery discovery;
  private final RequestBodies bodies;
  private final Tables tables;
  private final WatchStreamer watches;

  ResourceHandler(
      ResourceRegistry registry,
      Discovery discovery,
      RequestBodies bodies,
      Tables tables,
      WatchStreamer watches) {
    this.registry = registry;
    this.discovery = discovery;
    this.bodies = bodies;
    this.tables = tables;
    this.watches = watches;
  }

  @Override
  public void handle(ServerRequest req, ServerResponse res) {
    RequestInfo info = RequestInfo.of(req);
    String path = req.path().absolute().path();
    ResourcePath p = ResourcePath.parse(path.substring(path.indexOf("/apis/") + "/apis/".length()));
    Method method = req.prologue().method();
    if (p.isGroupVersionRoot()) {
      info.set("get", "discovery");
      requireMethod(method, "GET", Method.GET);
      Responses.json(res, 200, discovery.resourceList(p.group(), p.version()));
      return;
    }
    KindInfo kind = discovery.kind(p.group(), p.version(), p.plural());
    info.kind(kind.kind());
    if (p.namespace() != null && !kind.namespaced()) {
      throw ResourcePath.notFound(path);
    }
    QueryParams query = new QueryParams(req.query());
    if (p.isCollection()) {
      collection(req, res, info, kind, p.namespace(), query);
      return;
    }
    if (kind.namespaced() && p.namespace() == null) {
      throw ResourcePath.notFound(path);
    }
    ObjectRef ref = new ObjectRef(kind, p.namespace(), p.name());
    Subresource sub = subresource(kind, p, path);
    if (sub == Subresource.MAIN) {
      object(req, res, info, ref, query);
    } else {
      subresource(req, res, info, ref, sub);
    }
  }

  private void collection(
      ServerRequest req,
      ServerResponse res,
      RequestInfo info,
      KindInfo kind,
      String namespace,
      QueryParams query) {
    Method method = req.prologue().method();
    boolean allNamespaces = kind.namespaced() && namespace == null;
    if (method == Method.GET) {
      if (query.watch()) {
        info.verb("watch");
        watches.stream(req, res, kind, namespace, null, query);
        return;
      }
      info.verb("list");
      ListResult list = registry.list(kind, namespace, query.listOptions());
      sendList(req, res, kind, list);
    } else if (method == Method.POST && !allNamespaces) {
      info.verb("create");
      query.checkDryRun();
      ObjectNode body = bodies.read(req, RequestBodies.Expect.OBJECT);
      Responses.json(res, 201, registry.create(kind, namespace, body));
    } else if (method == Method.DELETE && !allNamespaces) {
      info.verb("deletecollection");
      query.checkDryRun();
      DeleteOptions options =
          DeleteOptions.from(
              bodies.read(req, RequestBodies.Expect.OPTIONAL_OBJECT),
              query.text("propagationPolicy"));
      List<ObjectNode> deleted =
          registry.deleteCollection(kind, namespace, query.listOptions(), options);
      Responses.json(res, 200, listBody(kind, deleted, registry.store().revision(), null));
    } else if (allNamespaces) {
      throw ApiException.methodNotAllowed(
          method.text()
              + " is not allowed on "
              + kind.plural()
              + " across all namespaces (only GET, to list or watch); use"
              + " /apis/"
              + kind.apiVersion()
              + "/namespaces/{namespace}/"
              + kind.plural());
    } else {
      throw notAllowed(method, kind.plural() + " (a collection)", "GET, POST, DELETE");
    }
  }

  private void object(
      ServerRequest req, ServerResponse res, RequestInfo info, ObjectRef ref, QueryParams query) {
    Method method = req.prologue().method();
    if (method == Method.GET) {
      if (query.watch()) {
        info.verb("watch");
        watches.stream(req, res, ref.kind(), ref.namespace(), ref.name(), query);
        return;
      }
      info.verb("get");
      Long rv = query.resourceVersion();
      ObjectNode obj =
          registry.get(
              ref,
              Subresource.MAIN,
              rv != null && rv == 0 ? Consistency.LOCAL : Consistency.LINEARIZABLE);
      String tableVersion = Negotiation.tableVersion(req);
      if (tableVersion != null) {
        Responses.json(
            res,
            200,
            tables.table(
                tableVersion,
                ref.kind(),
                List.of(obj),
                obj.path("metadata").path("resourceVersion").asText(),
                null,
                query.text("includeObject")),
            Negotiation.tableContentType(tableVersion));
      } else {
        Responses.json(res, 200, obj);
      }
    } else if (method == Method.PUT) {
      info.verb("update");
      query.checkDryRun();
      ObjectNode body = bodies.read(req, RequestBodies.Expect.OBJECT);
      Responses.json(res, 200, registry.replace(ref, Subresource.MAIN, body));
    } else if (method == Method.PATCH) {
      info.verb("patch");
      query.checkDryRun();
      ObjectNode patch = bodies.read(req, RequestBodies.Expect.MERGE_PATCH);
      Responses.json(res, 200, registry.patch(ref, Subresource.MAIN, patch));
    } else if (method == Method.DELETE) {
      info.verb("delete");
      query.checkDryRun();
      DeleteOptions options =
          DeleteOptions.from(
              bodies.read(req, RequestBodies.Expect.OPTIONAL_OBJECT),
              query.text("propagationPolicy"));
      Responses.json(res, 200, registry.delete(ref, options));
    } else {
      throw notAllowed(method, ref.toString(), "GET, PUT, PATCH, DELETE");
    }
  }

  private void subresource(
      ServerRequest req, ServerResponse res, RequestInfo info, ObjectRef ref, Subresource sub) {
    Method method = req.prologue().method();
    if (method == Method.GET) {
      info.verb("get");
      Responses.json(res, 200, registry.get(ref, sub, Consistency.LINEARIZABLE));
    } else if (method == Method.PUT) {
      info.verb("update");
      ObjectNode body = bodies.read(req, RequestBodies.Expect.OBJECT);
      Responses.json(res, 200, registry.replace(ref, sub, body));
    } else if (method == Method.PATCH) {
      info.verb("patch");
      ObjectNode patch = bodies.read(req, RequestBodies.Expect.MERGE_PATCH);
      Responses.json(res, 200, registry.patch(ref, sub, patch));
    } else {
      throw notAllowed(method, "the " + sub.segment() + " of " + ref, "GET, PUT, PATCH");
    }
  }

  private void sendList(ServerRequest req, ServerResponse res, KindInfo kind, ListResult list) {
    String tableVersion = Negotiation.tableVersion(req);
    if (tableVersion != null) {
      Responses.json(
          res,
          200,
          tables.table(
              tableVersion,
              kind,
              list.items(),
              Long.toString(list.revision()),
              list.continueToken(),
              req.query().contains("includeObject") ? req.query().get("includeObject") : null),
          Negotiation.tableContentType(tableVersion));
    } else {
      Responses.json(res, 200, listBody(kind, list.items(), list.revision(), list.continueToken()));
    }
  }

  static ObjectNode listBody(
      KindInfo kind, List<ObjectNode> items, long revision, String continueToken) {
    ObjectNode n = JsonNodeFactory.instance.objectNode();
    n.put("apiVersion", kind.apiVersion());
    n.put("kind", kind.kind() + "List");
    ObjectNode meta = n.putObject("metadata");
    meta.put("resourceVersion", Long.toString(revision));
    if (continueToken != null) {
      meta.put("continue", continueToken);
    }
    ArrayNode array = n.putArray("items");
    items.forEach(array::add);
    return n;
  }

  private static Subresource subresource(KindInfo kind, ResourcePath p, String path) {
    if (p.subresource() == null) {
      return Subresource.MAIN;
    }
    if (p.subresource().equals("status") && kind.statusSubresource()) {
      return Subresource.STATUS;
    }
    if (p.subresource().equals("scale") && kind.scaleSubresource()) {
      return Subresource.SCALE;
    }
    throw ResourcePath.notFound(path);
  }

  private static void requireMethod(Method method, String allowed, Method expected) {
    if (method != expected) {
      throw ApiException.methodNotAllowed(
          method.text() + " is not allowed here; allowed: " + allowed);
    }
  }

  private static ApiException notAllowed(Method method, String what, String allowed) {
    return ApiException.methodNotAllowed(
        method.text() + " is not allowed on " + what + "; allowed: " + allowed);
  }
}
