-- Neovim (0.7 and later) as the client of `plan lsp`, run headless by
-- Tests/PlanCLITests/NeovimTests.swift. Every step runs inside xpcall: a Lua
-- error would otherwise leave nvim waiting for input. Any failure ends nvim
-- with status 1 and the reason on stderr; success ends it with 0.
local plan = os.getenv('PLAN_BIN')
local file = os.getenv('PLAN_FILE')
local formatted_file = os.getenv('PLAN_FORMATTED')
local exit_code = nil

local function fail(message)
  io.stderr:write('neovim-lsp: ' .. tostring(message) .. '\n')
  vim.cmd('cquit! 1')
end

local function check(condition, message)
  if not condition then error(message, 2) end
end

local function step(name, body)
  local ok, problem = xpcall(body, debug.traceback)
  if not ok then fail(name .. ': ' .. tostring(problem)) end
end

local client_id, client, bufnr

local function request(method, params)
  local answers, err = vim.lsp.buf_request_sync(bufnr, method, params, 10000)
  check(answers ~= nil, method .. ' got no answer: ' .. tostring(err))
  local answer = answers[client_id]
  check(answer ~= nil and answer.err == nil, method .. ' failed: ' .. vim.inspect(answer))
  return answer.result
end

local function position(line, character)
  return { textDocument = { uri = vim.uri_from_bufnr(bufnr) }, position = { line = line, character = character } }
end

step('start', function()
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  bufnr = vim.api.nvim_get_current_buf()
  client_id = vim.lsp.start_client({
    name = 'plan',
    cmd = { plan, 'lsp', '--today', '2026-11-25' },
    root_dir = vim.fn.fnamemodify(file, ':h'),
    on_exit = function(code) exit_code = code end,
  })
  check(client_id ~= nil, 'the client did not start')
  check(vim.lsp.buf_attach_client(bufnr, client_id), 'the client did not attach')
  check(vim.wait(10000, function()
    client = vim.lsp.get_client_by_id(client_id)
    return client ~= nil and client.initialized
  end), 'the server did not initialize')
end)

step('diagnostics land on the right characters after an emoji', function()
  check(vim.wait(10000, function() return #vim.diagnostic.get(bufnr) > 0 end), 'no diagnostics came')
  local found = nil
  for _, diagnostic in ipairs(vim.diagnostic.get(bufnr)) do
    if diagnostic.code == 'E012' then found = diagnostic end
  end
  check(found ~= nil, 'no E012 among ' .. vim.inspect(vim.diagnostic.get(bufnr)))
  -- Byte columns on line 4: the emoji is 4 bytes, 名前 is 6.
  check(found.lnum == 3 and found.col == 66 and found.end_lnum == 3 and found.end_col == 85,
        'E012 at ' .. vim.inspect(found))
  local line = vim.api.nvim_buf_get_lines(bufnr, 3, 4, true)[1]
  check(line:sub(found.col + 1, found.end_col) == '"strategic planing"', 'E012 covers ' .. line:sub(found.col + 1, found.end_col))
end)

step('hover', function()
  local result = request('textDocument/hover', position(4, 35))
  check(result ~= nil and result.contents.value:find('days_left: 217 days', 1, true) ~= nil, 'hover: ' .. vim.inspect(result))
end)

step('definition', function()
  local result = request('textDocument/definition', position(4, 35))
  check(result ~= nil and result.range.start.line == 3 and result.range.start.character == 5, 'definition: ' .. vim.inspect(result))
end)

step('references', function()
  local result = request('textDocument/references',
    vim.tbl_extend('force', position(3, 8), { context = { includeDeclaration = true } }))
  check(result ~= nil and #result == 2, 'references: ' .. vim.inspect(result))
end)

step('completion', function()
  local result = request('textDocument/completion', position(2, 0))
  local labels = {}
  for _, item in ipairs(result.items or result) do labels[item.label] = true end
  check(labels['goal'] and labels['milestone'], 'completion: ' .. vim.inspect(result))
end)

step('the fix of a typo clears its diagnostic', function()
  -- `planing` to `planning`: a one-character incremental change.
  vim.api.nvim_buf_set_text(bufnr, 3, 81, 3, 81, { 'n' })
  check(vim.wait(10000, function()
    for _, diagnostic in ipairs(vim.diagnostic.get(bufnr)) do
      if diagnostic.code == 'E012' then return false end
    end
    return true
  end), 'E012 stayed: ' .. vim.inspect(vim.diagnostic.get(bufnr)))
end)

step('rename', function()
  local result = request('textDocument/rename', vim.tbl_extend('force', position(3, 8), { newName = 'Launch ✨' }))
  vim.lsp.util.apply_workspace_edit(result, 'utf-16')
  local text = table.concat(vim.api.nvim_buf_get_lines(bufnr, 0, -1, true), '\n')
  local _, count = text:gsub('"Launch ✨"', '')
  check(count == 2, 'after rename: ' .. text)
end)

step('formatting', function()
  local result = request('textDocument/formatting', { textDocument = { uri = vim.uri_from_bufnr(bufnr) }, options = { tabSize = 2, insertSpaces = true } })
  check(result ~= nil and #result == 1, 'formatting: ' .. vim.inspect(result))
  vim.lsp.util.apply_text_edits(result, bufnr, 'utf-16')
  local expected = {}
  for line in io.lines(formatted_file) do table.insert(expected, line) end
  local lines = vim.api.nvim_buf_get_lines(bufnr, 0, -1, true)
  check(vim.deep_equal(lines, expected), 'formatted: ' .. vim.inspect(lines) .. ' expected ' .. vim.inspect(expected))
end)

step('shutdown', function()
  client.stop()
  check(vim.wait(10000, function() return exit_code ~= nil end), 'the server did not exit')
  check(exit_code == 0, 'the server exited with ' .. tostring(exit_code))
end)

vim.cmd('qall!')
