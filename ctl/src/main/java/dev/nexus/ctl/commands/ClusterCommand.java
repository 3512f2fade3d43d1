package dev.nexus.ctl.commands;

import dev.nexus.client.ClusterClient;
import dev.nexus.ctl.ConnectionOptions;
import dev.nexus.ctl.output.Table;
import java.util.List;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code nexusctl cluster ...}: the members of the Raft group behind the API. Any member answers;
 * changes go through the leader.
 */
@Command(
    name = "cluster",
    description = "Show or change the members of the replicated control plane.",
    subcommands = {
      ClusterCommand.Members.class,
      ClusterCommand.AddMember.class,
      ClusterCommand.RemoveMember.class,
      ClusterCommand.TransferLeader.class
    })
public final class ClusterCommand extends CtlCommand {
  @Override
  protected ConnectionOptions connection() {
    return null;
  }

  @Override
  public Integer call() {
    spec.commandLine().usage(out());
    return 0;
  }

  /** What the subcommands share: the connection and printing the member table. */
  abstract static class Sub extends CtlCommand {
    @Mixin ConnectionOptions connection;

    @Override
    protected ConnectionOptions connection() {
      return connection;
    }

    ClusterClient cluster() {
      return session().client().cluster();
    }

    void print(ClusterClient.Members m) {
      Table t = new Table(List.of("ID", "ROLE", "RAFT ADDRESS", "API ADDRESS"));
      for (ClusterClient.Member member : m.members()) {
        t.add(
            List.of(
                member.id(),
                member.leader() ? "leader" : "follower",
                member.raftAddress(),
                member.apiAddress() == null ? "<unknown>" : member.apiAddress()));
      }
      out().print(t.render(true));
    }
  }

  @Command(name = "members", description = "List the members and which one leads.")
  static final class Members extends Sub {
    @Override
    public Integer call() {
      print(cluster().members());
      return 0;
    }
  }

  @Command(
      name = "add-member",
      description =
          "Add a member whose server already runs with `nexus server --join`; waits until it"
              + " has caught up.")
  static final class AddMember extends Sub {
    private static final Pattern SPEC = Pattern.compile("([^=@]+)=([^=@]+)@([^=@]+)");

    @Parameters(paramLabel = "ID=RAFT_HOST:PORT@API_HOST:PORT")
    String member;

    @Override
    public Integer call() {
      var m = SPEC.matcher(member);
      if (!m.matches()) {
        throw new IllegalArgumentException(
            "member \"" + member + "\" must look like ID=RAFT_HOST:PORT@API_HOST:PORT");
      }
      ClusterClient.Members after = cluster().addMember(m.group(1), m.group(2), m.group(3));
      out().println("Member \"" + m.group(1) + "\" added.");
      print(after);
      return 0;
    }
  }

  @Command(name = "remove-member", description = "Remove a member from the group.")
  static final class RemoveMember extends Sub {
    @Parameters(paramLabel = "ID")
    String id;

    @Override
    public Integer call() {
      ClusterClient.Members after = cluster().removeMember(id);
      out().println("Member \"" + id + "\" removed.");
      print(after);
      return 0;
    }
  }

  @Command(name = "transfer-leader", description = "Make another member the leader.")
  static final class TransferLeader extends Sub {
    @Parameters(paramLabel = "ID")
    String id;

    @Override
    public Integer call() {
      ClusterClient.Members after = cluster().transferLeader(id);
      out().println("Leadership transferred to \"" + id + "\".");
      print(after);
      return 0;
    }
  }
}
