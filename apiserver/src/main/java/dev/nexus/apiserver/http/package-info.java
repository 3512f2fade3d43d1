/**
 * The HTTP face of the API server on Helidon SE: paths under {@code /apis} resolved to kinds and
 * subresources, JSON and YAML bodies, validated query parameters, discovery in the shapes
 * Kubernetes clients parse, Tables for {@code kubectl get}, streamed watches, and the system
 * endpoints ({@code /healthz}, {@code /readyz}, {@code /version}, {@code /metrics}).
 *
 * <p>Contract: handlers are blocking code on virtual threads and never write an error body
 * themselves; they throw {@link dev.nexus.api.error.ApiException}, and {@link ErrorMapping}
 * (registered with {@code routing.error}) answers every failure with one Kubernetes-shaped Status
 * JSON body. Nothing a client sends can produce a 500 or a stack trace in a response; unexpected
 * failures are logged at WARN and answered with a short 500 Status. Resource semantics live in
 * {@code registry}; this package only translates HTTP to and from it.
 */
package dev.nexus.apiserver.http;
