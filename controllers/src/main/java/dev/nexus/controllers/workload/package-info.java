/**
 * The workload controller: keeps {@code spec.replicas} Instances of each Workload's template,
 * rolling template changes out by strategy, and reports what it sees in the Workload's status.
 *
 * <p>Contract:
 *
 * <ul>
 *   <li>Instances are named {@code <workload>-<hash>-<random5>}, where the hash ({@link
 *       dev.nexus.controllers.workload.TemplateHash}) covers {@code spec.template} and {@code
 *       spec.placement}; they carry the label {@code nexus.dev/template-hash} and one
 *       ownerReference to the Workload with {@code controller: true, blockOwnerDeletion: true}. An
 *       Instance's spec is the template's spec plus the Workload's placement.
 *   <li>A Workload controls the Instances that name it as controller owner and match its selector:
 *       a matching Instance with no controller owner is adopted, an owned one whose labels stop
 *       matching is released ({@link dev.nexus.controllers.workload.InstanceClaims}).
 *   <li>Readiness is the Instance's {@code Ready} condition; a phase of Failed or Succeeded gets
 *       the Instance deleted and replaced. Instances with a deletionTimestamp count nowhere.
 *   <li>What to create and delete is a pure function ({@link
 *       dev.nexus.controllers.workload.RolloutPlanner}); rolling updates keep the total at most
 *       {@code replicas + maxSurge} and the available count at least {@code replicas -
 *       maxUnavailable}.
 *   <li>The controller never acts on a Workload while its own earlier creations or deletions have
 *       not reached the informer cache ({@link dev.nexus.controllers.workload.Expectations}), so a
 *       fast second reconcile cannot create the same Instances twice.
 *   <li>Status ({@code replicas, readyReplicas, availableReplicas, updatedReplicas,
 *       observedGeneration, templateHash, selector}, conditions {@code Available} and {@code
 *       Progressing}) is written through the status subresource, and only when it changed. A
 *       rollout that has not moved forward for {@code spec.progressDeadlineSeconds} is reported as
 *       {@code Progressing=False}, reason {@code ProgressDeadlineExceeded}.
 * </ul>
 */
package dev.nexus.controllers.workload;
