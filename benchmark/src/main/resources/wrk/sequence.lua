-- wrk script of the Relations benchmark, scenario {{NAME}}.
-- Thread t of {{THREADS}} sends requests k = first + t, first + t + {{THREADS}}, ... so no two
-- requests of a run share a k; target(k) turns k into the request's path. With a limit,
-- a thread stops issuing at k >= limit and reports "drained" once its answers are in.
-- Answers with another status than the expected one count as errors.
local method = "{{METHOD}}"
local expected = {{EXPECTED}}
local first, limit, threads = {{FIRST}}, {{LIMIT}}, {{THREADS}}
local body = {{BODY}}
{{AUTHORIZATION}}
wrk.headers["Accept"] = "application/json"

{{TARGET}}

local all, created = {}, 0

function setup(thread)
  thread:set("id", created)
  created = created + 1
  table.insert(all, thread)
end

local k, inflight, exhausted, drained, verifying

local function say(what, value)
  io.write("relations-wrk ", what, " ", id, " ", value, "\n")
  io.flush()
end

function init(args)
  k = first + id
  -- wrk calls thread 0's request() once before the run to check the request; nothing is sent
  verifying = id == 0
  inflight, exhausted, drained = 0, false, false
  ok, bad, statuses, next_k = 0, 0, {}, first
end

local function settle()
  if exhausted and inflight == 0 and not drained then
    drained = true
    say("drained", ok)
  end
end

function request()
  if verifying then
    verifying = false
    return wrk.format(method, target(k), nil, body)
  end
  if limit >= 0 and k >= limit then
    if not exhausted then
      exhausted = true
      say("issued", k)
    end
    settle()
    -- an empty request leaves this connection idle
    return ""
  end
  local path = target(k)
  next_k = k + 1
  k = k + threads
  inflight = inflight + 1
  return wrk.format(method, path, nil, body)
end

function response(status, headers, response_body)
  inflight = inflight - 1
  if status == expected then
    ok = ok + 1
    if ok % 10000 == 0 then say("progress", ok) end
  else
    bad = bad + 1
    statuses[status] = (statuses[status] or 0) + 1
  end
  settle()
end

function done(summary, latency, requests)
  local sum_ok, sum_bad, next_all, by_status = 0, 0, first, {}
  for _, thread in ipairs(all) do
    sum_ok = sum_ok + thread:get("ok")
    sum_bad = sum_bad + thread:get("bad")
    next_all = math.max(next_all, thread:get("next_k"))
    for status, n in pairs(thread:get("statuses")) do
      by_status[status] = (by_status[status] or 0) + n
    end
  end
  local statuses_text = {}
  for status, n in pairs(by_status) do
    table.insert(statuses_text, status .. ":" .. n)
  end
  local e = summary.errors
  io.write(string.format(
    "relations-wrk result requests=%d ok=%d bad=%d duration_us=%d p50_us=%d p99_us=%d max_us=%d next=%d "
      .. "socket_errors=%d timeouts=%d statuses=%s\n",
    summary.requests, sum_ok, sum_bad, summary.duration, latency:percentile(50), latency:percentile(99),
    latency.max, next_all, e.connect + e.read + e.write, e.timeout, table.concat(statuses_text, ",")))
end
