-- tsasync: the :Tsasync command (everything else loads on require("tsasync")).
if vim.g.loaded_tsasync then
  return
end
vim.g.loaded_tsasync = true

vim.api.nvim_create_user_command("Tsasync", function(opts)
  require("tsasync.command").run(opts.args)
end, {
  nargs = "?",
  desc = "tsasync: :Tsasync tasks (task inspector) | health",
  complete = function(arglead)
    return require("tsasync.command").complete(arglead)
  end,
})
