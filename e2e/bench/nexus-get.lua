-- One linearizable GET of a single existing object per request.
request = function()
  return wrk.format("GET", "/apis/nexus.dev/v1/namespaces/default/workloads/bench-get")
end
