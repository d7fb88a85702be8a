local ____lualib = require("tsasync.lualib_bundle")
local __TS__StringStartsWith = ____lualib.__TS__StringStartsWith
local __TS__ArrayFilter = ____lualib.__TS__ArrayFilter
local ____exports = {}
local names, SUBCOMMANDS
local inspect = require("tsasync.inspect")
function names()
    local list = {}
    for k in pairs(SUBCOMMANDS) do
        list[#list + 1] = k
    end
    table.sort(list)
    return list
end
SUBCOMMANDS = {
    tasks = function()
        inspect.open()
        return nil
    end,
    health = function() return vim.cmd("checkhealth tsasync") end
}
--- Runs `:Tsasync` with its argument string (`opts.args`).
function ____exports.run(args)
    local name = vim.trim(args or "")
    local fn = SUBCOMMANDS[name == "" and "tasks" or name]
    if fn == nil then
        vim.notify(
            ((("Tsasync: unknown subcommand \"" .. name) .. "\" (expected: ") .. table.concat(
                names(),
                ", "
            )) .. ")",
            vim.log.levels.ERROR
        )
        return
    end
    fn()
end
--- Completion for `:Tsasync`: the subcommands starting with `arglead`.
function ____exports.complete(arglead)
    return __TS__ArrayFilter(
        names(),
        function(____, n) return __TS__StringStartsWith(n, arglead or "") end
    )
end
return ____exports
