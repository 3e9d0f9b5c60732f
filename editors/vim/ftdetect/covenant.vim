" Covenant files: *.covenant, and literate covenants (*.covenant.md) as Markdown whose ```covenant
" blocks use syntax/covenant.vim.
autocmd BufRead,BufNewFile *.covenant setfiletype covenant
if !exists('g:markdown_fenced_languages')
  let g:markdown_fenced_languages = []
endif
if index(g:markdown_fenced_languages, 'covenant') < 0
  call add(g:markdown_fenced_languages, 'covenant')
endif
