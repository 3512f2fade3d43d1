/**
 * Informers: a local, indexed cache of every object of a kind, kept up to date by listing (in
 * pages) and then watching from the list's revision, with event handlers for controllers.
 *
 * <p><b>Sharing.</b> {@link dev.nexus.client.informer.SharedInformerFactory#informer} returns one
 * informer per kind: controllers in one process asking for the same kind share its watch and its
 * cache. Cached objects are therefore shared and read-only: {@code copy()} before changing one.
 *
 * <p><b>Threading.</b> Each informer has one dispatch thread (a virtual thread) that applies every
 * change to the cache and then calls every handler, in the order the changes happened and in the
 * order handlers were added. A handler therefore never runs concurrently with itself or with
 * another handler of the same informer, and when it is told about an object the cache already holds
 * that state (or newer). A slow handler delays the others of its informer: hand work off to a
 * queue. A handler's exception is logged and does not stop the others. {@link
 * dev.nexus.client.informer.Cache} reads are thread-safe from any thread.
 *
 * <p><b>Delivery.</b> A handler added late first gets {@code onAdd} for every cached object. A
 * dropped watch resumes from the last revision seen, so nothing is missed or repeated; when that
 * revision is no longer retained (410) the informer lists again and delivers the difference as
 * synthetic {@code onAdd}/{@code onUpdate}/{@code onDelete}. A handler with a resync period gets
 * {@code onUpdate(o, o)} for every cached object each period.
 *
 * <p><b>Indexes.</b> {@link dev.nexus.client.informer.Indexes#NAMESPACE} and {@link
 * dev.nexus.client.informer.Indexes#OWNER} always exist; label indexes are built on first use;
 * others are added with {@code addIndexer} (the first function registered under a name wins).
 */
package dev.nexus.client.informer;
