-- POST /customers: a new individual with a unique reference and a tier-1 request (with BENCH_IDEMPOTENCY,
-- under an Idempotency-Key of its own).
package.path = package.path .. ";" .. os.getenv("BENCH_LUA") .. "/?.lua"
local common = require("common")

local counter = 0

-- tags unique per run and per thread: runs happen seconds apart, and unique references must not collide
math.randomseed(os.time())
local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("tag", os.time() .. "-" .. threads .. "-" .. math.random(1, 1e9))
end

function request()
  counter = counter + 1
  local body = string.format([[{"name":"Load %d","reference":"load-%s-%d","type":"individual","claims":{"individualInformation":{"firstName":"Load","lastName":"Customer","email":"load.%s.%d@example.org","dateOfBirth":"1990-1-1"},"individualAddress":{"city":"Ikeja","state":"Lagos","countryCode":"NG","addressLineOne":"1 Example St"}},"verifications":["tier-1"],"metadata":{"n":%d}}]],
      counter, tag, counter, tag, counter, counter)
  local headers = {["Authorization"] = "Bearer " .. os.getenv("BENCH_API_KEY"), ["Content-Type"] = "application/json"}
  if os.getenv("BENCH_IDEMPOTENCY") then
    -- a retry-safe client: a new key for every create
    headers["Idempotency-Key"] = "load-" .. tag .. "-" .. counter
  end
  return wrk.format("POST", "/customers", headers, body)
end

done = common.report
