/**
 * What kinds exist and how each is served: names, scope, subresources, schema ({@link
 * dev.nexus.api.kinds.KindInfo}); the built-in ones ({@link dev.nexus.api.kinds.BuiltinKinds}); and
 * the thread-safe lookup a server or client uses ({@link dev.nexus.api.kinds.KindRegistry}).
 */
package dev.nexus.api.kinds;
