-- etcd v3 JSON gateway: one linearizable single-key range read per request (key "foo").
request = function()
  return wrk.format("POST", "/v3/kv/range", {["Content-Type"] = "application/json"}, '{"key":"Zm9v"}')
end
