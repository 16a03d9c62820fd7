" Vim syntax file
" Language:   plan (career plans)
" Filenames:  *.plan
" Install:    copy to ~/.vim/syntax/plan.vim and add to ~/.vim/filetype.vim or
"             your vimrc:  autocmd BufRead,BufNewFile *.plan setfiletype plan

if exists('b:current_syntax')
  finish
endif

let s:cpo_save = &cpo
set cpo&vim

syn case match

" Reserved words, one group each. Tests/PlanKitTests/GrammarTests.swift checks
" them against Keyword.allCases. The entity words take the name after them.
syn keyword planDeclaration  value skill goal milestone mentor contact habit nextgroup=planEntityName skipwhite
syn keyword planDeclaration  vision owner log objective experience capacity review update let include assert
syn keyword planClause       priority note level target role needs at serves after by
syn keyword planClause       impact done doing for helps every met tags hours reviewed
syn keyword planClause       gained have aligns effort start from did
syn keyword planCollection   values skills goals milestones mentors contacts logs
syn keyword planCollection   objectives experiences capacities reviews quarters habits logs_ahead
syn keyword planQuery        where sort group limit select asc desc
syn keyword planOperatorWord and or not in
syn keyword planConstant     true false none today

" One keyword, hyphen and all; a match, since '-' is not a keyword character.
syn match   planNonNegotiable "\<non-negotiable\>"

" The name after value/skill/goal/milestone/mentor/contact/habit. Words that cannot be a
" name leave the keyword alone, as in `milestones where goal == ...`.
syn match   planEntityName contained +"\%([^"\\]\|\\.\)*"\=+ contains=planEscape,planBadEscape
syn match   planEntityName contained "\<\%(\%(and\|or\|not\|in\|where\|sort\|group\|limit\|select\|asc\|desc\|by\|true\|false\|none\|today\|at\|for\)\>\)\@!\h\w*\>"

" Later definitions win where two start at the same column: numbers, then
" durations, then dates.
syn match   planNumber   "\<\d\+\%(\.\d\+\)\=\>"
syn match   planDuration "\<\d\+[ \t]*\%(days\=\|weeks\=\|months\=\|years\=\)\>" contains=planUnit
syn match   planUnit     contained "\%(days\=\|weeks\=\|months\=\|years\=\)\>"
syn match   planBadDate  "\<\d\{4}-\%(\d\|[Qq]\)[[:alnum:]_-]*"
syn match   planDate     "\<\d\{4}-\%(\d\d-\d\d\|\d\d\|[Qq][1-4]\)\>-\@!"

" A string cannot span lines: a raw newline is an unterminated string.
syn region  planString   start=+"+ skip=+\\\\\|\\"+ end=+"+ end=+$+ oneline contains=planEscape,planBadEscape
syn match   planBadEscape contained +\\\%(u{[^}"]*}\=\|.\)\=+
syn match   planEscape    contained +\\\%([\\"nt]\|u{\x\{1,6}}\)+

syn match   planField    "\.[ \t]*\%(non-negotiable\|\h\w*\)"
syn match   planFunction "\<\%(count\|sum\|min\|max\|avg\|any\|all\|first\|len\|join\|days\)\>\ze[ \t]*("
syn match   planOperator "==\|!=\|<=\|>=\|[<>=+*/-]"
syn match   planComment  "#.*$" contains=@Spell

hi def link planDeclaration   Statement
hi def link planClause        Keyword
hi def link planNonNegotiable Special
hi def link planCollection    Identifier
hi def link planQuery         Conditional
hi def link planOperatorWord  Operator
hi def link planConstant      Constant
hi def link planEntityName    Type
hi def link planNumber        Number
hi def link planDuration      Number
hi def link planUnit          Type
hi def link planDate          Number
hi def link planBadDate       Error
hi def link planString        String
hi def link planEscape        SpecialChar
hi def link planBadEscape     Error
hi def link planField         Identifier
hi def link planFunction      Function
hi def link planOperator      Operator
hi def link planComment       Comment

let b:current_syntax = 'plan'

let &cpo = s:cpo_save
unlet s:cpo_save
