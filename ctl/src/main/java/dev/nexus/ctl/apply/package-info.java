/**
 * Declarative apply (DESIGN §4): manifests are read from files, directories or standard input; each
 * object is created when absent, otherwise patched with a three-way JSON merge patch computed from
 * the configuration last applied (kept in the annotation {@value
 * dev.nexus.ctl.apply.Applier#LAST_APPLIED}), the new manifest and the live object, so fields
 * removed from the manifest are removed while fields it never set are left alone.
 */
package dev.nexus.ctl.apply;
