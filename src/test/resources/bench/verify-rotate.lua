-- wrk script for VerifyBenchmark: POST /verify with form bodies read from files <dir>/0.txt .. <dir>/<n-1>.txt,
-- each thread starting at its own place and rotating over all of them. Arguments (after --): dir n token
local bodies = {}

init = function(args)
  local dir, n, token = args[1], tonumber(args[2]), args[3]
  for i = 0, n - 1 do
    local f = assert(io.open(dir .. "/" .. i .. ".txt", "r"))
    bodies[#bodies + 1] = f:read("*a")
    f:close()
  end
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
  wrk.headers["Cookie"] = "bb_csrf=" .. token
  next_body = math.random(#bodies)
end

request = function()
  next_body = next_body % #bodies + 1
  return wrk.format(nil, nil, nil, bodies[next_body])
end
