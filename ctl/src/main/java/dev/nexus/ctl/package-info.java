/**
 * {@code nexusctl}, the command line of Nexus: picocli commands over the client SDK. Contract: a
 * command writes its results to standard output and every failure as exactly one line starting with
 * {@code error: } to standard error; exit code 0 on success, 1 on failure, 2 for a command line
 * that does not parse ({@code diff} also returns 1 when it found differences).
 */
package dev.nexus.ctl;
