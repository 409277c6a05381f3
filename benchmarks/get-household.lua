-- wrk script: GET /api/v1/households/{id} for ids spread over 1..MAX_ID, as the signed-in user whose bearer
-- token is in TOKEN (both set by registry.sh)
local max_id = tonumber(os.getenv("MAX_ID") or "19000")
wrk.headers["Authorization"] = "Bearer " .. (os.getenv("TOKEN") or "")
local counter = 0
request = function()
  counter = counter + 1
  local id = (counter * 7919) % max_id + 1
  return wrk.format("GET", "/api/v1/households/" .. id)
end
