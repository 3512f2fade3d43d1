/**
 * One class per {@code nexusctl} subcommand. Commands parse options, call the client through the
 * invocation's {@link dev.nexus.ctl.Session}, and print; shaping output lives in {@code output},
 * applying manifests in {@code apply}.
 */
package dev.nexus.ctl.commands;
