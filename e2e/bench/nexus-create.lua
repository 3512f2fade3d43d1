-- One create of a ~1 KiB Workload per request, unique names (start time + thread id + counter,
-- so a warm-up run before the measured one never makes it answer 409s).
local thread_counter = 0
function setup(thread)
  thread:set("tid", thread_counter)
  thread_counter = thread_counter + 1
end
function init(args)
  counter = 0
  run = os.time()
  pad = string.rep("x", 640)
end
request = function()
  counter = counter + 1
  local name = string.format("bench-%d-%d-%09d", run, tid, counter)
  local body = '{"apiVersion":"nexus.dev/v1","kind":"Workload","metadata":{"name":"' .. name ..
    '","namespace":"default","labels":{"app":"bench"},"annotations":{"bench/pad":"' .. pad .. '"}},' ..
    '"spec":{"replicas":1,"template":{"metadata":{"labels":{"app":"bench"}},"spec":{"runtime":"process",' ..
    '"command":["/bin/sleep","3600"],"resources":{"requests":{"cpu":"100m","memory":"64Mi"}}}}}}'
  return wrk.format("POST", "/apis/nexus.dev/v1/namespaces/default/workloads",
    {["Content-Type"] = "application/json"}, body)
end
