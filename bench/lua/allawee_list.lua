-- GET /customers with a filter and an after-cursor at a random customer: a page somewhere in the list.
package.path = package.path .. ";" .. os.getenv("BENCH_LUA") .. "/?.lua"
local common = require("common")

local ids

function init(args)
  ids = common.load_ids(os.getenv("BENCH_ALLAWEE_IDS"))
  math.randomseed(os.time() + math.random(1, 1e6))
end

function request()
  return wrk.format("GET", "/customers?filter=type:individual%20status:active&limit=20&after=" .. ids[math.random(#ids)],
      {["Authorization"] = "Bearer " .. os.getenv("BENCH_API_KEY")})
end

done = common.report
