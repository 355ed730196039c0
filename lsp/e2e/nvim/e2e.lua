-- neovim's built-in LSP client (Debian neovim 0.7.2) driving `./sky lsp` headless.
-- Run: SKY4J_ROOT=<repo> nvim --headless -u NONE -c "luafile lsp/e2e/nvim/e2e.lua"
-- Exits 0 when diagnostics and an accelerator completion arrive as expected, 1 otherwise.
local root = assert(vim.env.SKY4J_ROOT, 'set SKY4J_ROOT')
local sample = root .. '/lsp/e2e/fixtures/nvim-sample.yaml'

local function fail(msg)
  io.stderr:write('FAIL: ' .. msg .. '\n')
  vim.cmd('cquit 1')
end

local client_id = vim.lsp.start_client({
  name = 'sky4j',
  cmd = { root .. '/sky', 'lsp' },
  cmd_env = { SKY4J_NO_BUILD = '1' },
  root_dir = root,
})
if not client_id then fail('could not start the server') end

vim.cmd('edit ' .. sample)
local bufnr = vim.api.nvim_get_current_buf()
vim.lsp.buf_attach_client(bufnr, client_id)

-- 1. diagnostics: core's invalid-value error on the disk_tier value (line 5, 0-based 4)
local got = vim.wait(30000, function() return #vim.diagnostic.get(bufnr) > 0 end, 50)
if not got then fail('no diagnostics within 30 s') end
local diags = vim.diagnostic.get(bufnr)
local found = false
for _, d in ipairs(diags) do
  if d.lnum == 4 and d.col == 13 and d.severity == vim.diagnostic.severity.ERROR
      and d.message:find('fastest', 1, true) and d.source == 'sky4j' then
    found = true
  end
end
if not found then fail('expected the disk_tier error at 5:14, got ' .. vim.inspect(diags)) end

-- 2. completion of accelerators values (after "  accelerators: " on line 4)
local params = { textDocument = { uri = vim.uri_from_bufnr(bufnr) }, position = { line = 3, character = 16 } }
local responses = vim.lsp.buf_request_sync(bufnr, 'textDocument/completion', params, 30000)
local ok = false
for _, r in pairs(responses or {}) do
  local items = (r.result and (r.result.items or r.result)) or {}
  for _, it in ipairs(items) do
    if it.label == 'H100:8' and it.detail and it.detail:find('80 GB', 1, true) and it.detail:find('$', 1, true) then
      ok = true
    end
  end
end
if not ok then fail('no H100:8 completion with memory and price: ' .. vim.inspect(responses)) end

io.stdout:write('nvim e2e OK: ' .. #diags .. ' diagnostic(s), H100:8 completion\n')
vim.lsp.stop_client(client_id)
vim.wait(3000, function() return vim.lsp.get_client_by_id(client_id) == nil end, 50)
vim.cmd('qall!')
