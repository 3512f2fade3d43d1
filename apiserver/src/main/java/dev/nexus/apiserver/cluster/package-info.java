/**
 * The cluster face of an API server: {@code /cluster/members} lists the Raft group's members with
 * their Raft and API addresses, adds and removes members, and moves the leadership ({@code POST
 * /cluster/leader}). Membership itself is the Raft configuration ({@link
 * dev.nexus.apiserver.storage.raft.ClusterAdmin}); the API address of each member comes from the
 * addresses this server was started with, or, for members added at run time, from a record the add
 * wrote into storage under {@link MemberDirectory#PREFIX}, so every member can answer the same.
 *
 * <p>Contract: any member answers any of these requests (Ratis forwards to the leader); failures
 * are {@link dev.nexus.api.error.ApiException}s (400 for a bad field, naming it; 404 for an unknown
 * member; 409 while another change is in progress; 503 without a leader). These endpoints are
 * administrative: once the API has authentication (DESIGN §8) they are for admins only.
 */
package dev.nexus.apiserver.cluster;
