local ____exports = {}
local ____task = require("tsasync.task")
local children_of = ____task.children_of
local live_roots = ____task.live_roots
local task_counts = ____task.task_counts
local function row_text(t, depth)
    local age = t:age()
    local age_text = age == nil and "" or ("  " .. tostring(math.floor(age))) .. " ms"
    return (((((((((string.rep("  ", depth) .. t.name) .. "  [") .. t:status()) .. "]") .. age_text) .. "  waiting on: ") .. t:waiting_on()) .. "  (") .. t:site()) .. ")"
end
--- The same tree as the inspector shows, as a list of rows
-- `{ task, depth, text }`, depth first, roots and children sorted by name.
-- ```lua
-- for _, row in ipairs(ts.inspect.tree()) do print(row.text) end
-- ```
-- 
-- @help ts.inspect.tree()
function ____exports.tree()
    local rows = {}
    local stack = {}
    local roots = live_roots()
    table.sort(
        roots,
        function(a, b) return a.name > b.name end
    )
    do
        local i = #roots - 1
        while i >= 0 do
            stack[#stack + 1] = {roots[i + 1], 0}
            i = i - 1
        end
    end
    while #stack > 0 do
        local t, depth = unpack(
            table.remove(stack),
            1,
            2
        )
        rows[#rows + 1] = {
            task = t,
            depth = depth,
            text = row_text(t, depth)
        }
        local kids = children_of(t)
        table.sort(
            kids,
            function(a, b) return a.name > b.name end
        )
        do
            local i = #kids - 1
            while i >= 0 do
                stack[#stack + 1] = {kids[i + 1], depth + 1}
                i = i - 1
            end
        end
    end
    return rows
end
local HEADER_LINES = 2
local rows_by_buf = {}
local function render(buf)
    local rows = ____exports.tree()
    rows_by_buf[buf] = rows
    local counts = task_counts()
    local lines = {
        ((((("tsasync tasks: " .. tostring(counts.live)) .. " live, ") .. tostring(counts.started)) .. " started, ") .. tostring(counts.unhandled)) .. " unhandled errors reported   (r: refresh, x: cancel)",
        ""
    }
    for ____, r in ipairs(rows) do
        lines[#lines + 1] = r.text
    end
    if #rows == 0 then
        lines[#lines + 1] = "(no suspended tasks)"
    end
    vim.api.nvim_set_option_value("modifiable", true, {buf = buf})
    vim.api.nvim_buf_set_lines(
        buf,
        0,
        -1,
        false,
        lines
    )
    vim.api.nvim_set_option_value("modifiable", false, {buf = buf})
end
--- The task on the cursor's line of inspector buffer {buf}, or nil (for
-- mappings of your own in the inspector, e.g. to show a task's traceback:
-- `print(ts.inspect.task_at_cursor(0):traceback())`).
-- 
-- @help ts.inspect.task_at_cursor({buf})
function ____exports.task_at_cursor(buf)
    local rows = rows_by_buf[buf]
    if rows == nil then
        return nil
    end
    local line = unpack(
        vim.api.nvim_win_get_cursor(0),
        1,
        1
    )
    local ____opt_0 = rows[line - HEADER_LINES]
    return ____opt_0 and ____opt_0.task
end
--- Opens the inspector buffer in the current window (what `:Tsasync tasks`
-- does); returns its number. Keys: `r` refreshes, `x` cancels the task
-- under the cursor (then refreshes).
-- 
-- @help ts.inspect.open()
function ____exports.open()
    local buf = vim.api.nvim_create_buf(false, true)
    vim.api.nvim_buf_set_name(
        buf,
        "tsasync://tasks/" .. tostring(buf)
    )
    vim.api.nvim_set_option_value("bufhidden", "wipe", {buf = buf})
    vim.api.nvim_set_option_value("filetype", "tsasync-tasks", {buf = buf})
    vim.api.nvim_set_current_buf(buf)
    render(buf)
    vim.keymap.set(
        "n",
        "r",
        function() return render(buf) end,
        {buffer = buf, desc = "tsasync: refresh the task list", nowait = true}
    )
    vim.keymap.set(
        "n",
        "x",
        function()
            local t = ____exports.task_at_cursor(buf)
            if t ~= nil then
                t:cancel("cancelled from the inspector")
            end
            render(buf)
        end,
        {buffer = buf, desc = "tsasync: cancel the task under the cursor", nowait = true}
    )
    vim.api.nvim_create_autocmd(
        "BufWipeout",
        {
            buffer = buf,
            once = true,
            callback = function()
                rows_by_buf[buf] = nil
                return nil
            end
        }
    )
    return buf
end
return ____exports
