# Tab completion of pm's verbs, options and option values in bash:
#   source completion/pm.bash        (or copy it to ~/.local/share/bash-completion/completions/pm)
# pm answers System.CommandLine's [suggest:N] directive with the completions at character N of a command line,
# so this needs no list of its own that could fall out of date. `pm` must be a program on PATH (a published
# .pm/pm or a wrapper script), not an alias: the function runs the word that was typed.

_pm_complete() {
    local pm="${COMP_WORDS[0]}" IFS=$'\n'
    # The line as pm would see it, under its own name: the program may have been typed as a path.
    local line="pm${COMP_LINE:${#pm}}"
    local point=$((COMP_POINT - ${#pm} + 2))
    local current="${COMP_WORDS[COMP_CWORD]}"
    # shellcheck disable=SC2207 # one completion per line, split on IFS above
    COMPREPLY=($(compgen -W "$("$pm" "[suggest:${point}]" "$line" 2>/dev/null)" -- "$current"))
}

complete -o default -F _pm_complete pm
