local ____exports = {}
local ____await = require("tsasync.await")
local await_cb = ____await.await_cb
local schedule = ____await.schedule
local ____task = require("tsasync.task")
local current_task = ____task.current_task
local function hop(fname)
    if not vim.in_fast_event() then
        return
    end
    if current_task() == nil then
        error(fname .. ": called in a fast event (a libuv callback) outside a task; wrap the caller in ts.run or use vim.schedule", 3)
    end
    schedule()
end
local function proxy(prefix, target)
    local cache = {}
    return setmetatable(
        {},
        {__index = function(_self, name)
            local hit = cache[name]
            if hit ~= nil then
                return hit
            end
            if type(name) ~= "string" then
                return nil
            end
            local fname = (prefix .. ".") .. name
            local function f(...)
                hop(fname)
                local fn = target()[name]
                if fn == nil then
                    error(fname .. ": no such function", 2)
                end
                return fn(...)
            end
            cache[name] = f
            return f
        end}
    )
end
--- `vim.api` / `vim.fn` with the same arguments and results. In a fast event
-- (a libuv callback, or a task started with `fast = true`) inside a task
-- they continue on the main loop first (|ts.schedule()|), where the call is
-- allowed; elsewhere they call straight through, with no hop. In a fast
-- event outside a task they raise, since nothing could wait there. A name
-- that `vim.api` / `vim.fn` lacks raises "no such function" when called.
-- ```lua
-- local lines = ts.api.nvim_buf_get_lines(0, 0, -1, false)
-- local file = ts.fn.expand("%:p")
-- ```
-- 
-- @help ts.api
-- @help ts.fn
____exports.api = proxy(
    "ts.api",
    function() return vim.api end
)
--- `vim.fn` from tasks, like `ts.api`: `ts.fn.expand("%:p")`.
____exports.fn = proxy(
    "ts.fn",
    function() return vim.fn end
)
local function ui_call(which, a, b, cb)
    local ui = vim.ui
    if which == "input" then
        ui.input(a, cb)
    else
        ui.select(a, b, cb)
    end
end
--- Awaits `vim.ui.input` (whatever is installed at call time: dressing.nvim,
-- snacks, telescope, ...): the text, or nil when the prompt was cancelled.
-- Inside a task. Cancelling the task leaves the prompt open (`vim.ui` offers
-- no way to close it); its answer is then dropped.
-- ```lua
-- local name = ts.ui.input({ prompt = "Branch: " })
-- ```
-- 
-- @help ts.ui.input({opts})
function ____exports.input(opts)
    if opts ~= nil and type(opts) ~= "table" then
        error(
            "ts.ui.input: opts must be a table, got " .. type(opts),
            2
        )
    end
    hop("ts.ui.input")
    local v = await_cb(
        "ts.ui.input",
        nil,
        4,
        ui_call,
        "input",
        opts or ({}),
        nil
    )
    return v
end
--- Awaits `vim.ui.select` on {items}: `item, index`, or nil when nothing was
-- chosen. Inside a task. Cancelling the task leaves the prompt open (vim.ui
-- cannot close it); its answer is dropped.
-- ```lua
-- local choice, idx = ts.ui.select({ "a", "b" }, { prompt = "Pick:" })
-- ```
-- 
-- @help ts.ui.select({items}, {opts})
function ____exports.select_(items, opts)
    if type(items) ~= "table" then
        error(
            "ts.ui.select: items must be a list, got " .. type(items),
            2
        )
    end
    if opts ~= nil and type(opts) ~= "table" then
        error(
            "ts.ui.select: opts must be a table, got " .. type(opts),
            2
        )
    end
    hop("ts.ui.select")
    local item, idx = await_cb(
        "ts.ui.select",
        nil,
        4,
        ui_call,
        "select",
        items,
        opts or ({})
    )
    return item, idx
end
--- `ts.ui`: `input(opts)`, `select(items, opts)`.
____exports.ui = {input = ____exports.input, select = ____exports.select_}
return ____exports
