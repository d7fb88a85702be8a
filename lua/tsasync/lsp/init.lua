local ____exports = {}
do
    local ____error = require("tsasync.lsp.error")
    ____exports.codes = ____error.codes
end
do
    local ____request = require("tsasync.lsp.request")
    ____exports.request = ____request.request
    ____exports.request_all = ____request.request_all
    ____exports.notify = ____request.notify
end
do
    local ____wait_for_client = require("tsasync.lsp.wait_for_client")
    ____exports.wait_for_client = ____wait_for_client.wait_for_client
end
do
    local ____flows = require("tsasync.lsp.flows")
    ____exports.hover = ____flows.hover
    ____exports.definition = ____flows.definition
    ____exports.references = ____flows.references
    ____exports.completion = ____flows.completion
    ____exports.code_actions = ____flows.code_actions
    ____exports.rename = ____flows.rename
end
return ____exports
