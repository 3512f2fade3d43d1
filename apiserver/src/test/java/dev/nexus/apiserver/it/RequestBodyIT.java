package dev.nexus.apiserver.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Request bodies as they arrive on the wire: a body cut short is the client's error, a 400. */
class RequestBodyIT {
  @RegisterExtension static final ServerExtension SERVER = new ServerExtension();

  @Test
  void aBodyShorterThanItsContentLengthIsA400NotA500() throws Exception {
    URI base = SERVER.http().uri("/");
    String body =
        "{\"apiVersion\":\"nexus.dev/v1\",\"kind\":\"Workload\",\"metadata\":{\"name\":\"x\"";
    String response;
    try (Socket s = new Socket(base.getHost(), base.getPort())) {
      s.getOutputStream()
          .write(
              ("POST "
                      + Objects.workloads("default")
                      + " HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                      + "Content-Length: 200\r\n\r\n"
                      + body)
                  .getBytes(StandardCharsets.UTF_8));
      s.shutdownOutput(); // the rest of the declared 200 bytes never comes
      response = readAll(s.getInputStream());
    }

    assertThat(response).startsWith("HTTP/1.1 400");
    assertThat(response)
        .contains("ended before the declared Content-Length")
        .doesNotContain("internal error");
    assertThat(SERVER.http().get(Objects.workload("default", "x")).code()).isEqualTo(404);
  }

  private static String readAll(InputStream in) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[4096];
    for (int n = in.read(buf); n > 0; n = in.read(buf)) {
      out.write(buf, 0, n);
      if (out.toString(StandardCharsets.UTF_8).contains("\"code\":")) {
        break; // the Status body is complete enough; the connection may stay open
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}
