-- POST /customers: a new individual with a unique reference and a tier-1 request.
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
  return wrk.format("POST", "/customers",
      {["Authorization"] = "Bearer " .. os.getenv("BENCH_API_KEY"), ["Content-Type"] = "application/json"}, body)
end

done = common.report
