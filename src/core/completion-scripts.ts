// The completion scripts printed by `net completion SHELL`. They hold no list
// of commands: on each TAB they ask `net __complete SHELL -- WORDS…`, which
// answers from the command tree of the installed net and from the database.
// They complete both names of the program, net and netj, and ask the one
// being completed: where Samba's net comes first on PATH, netj still works.
// The answer's first line is a directive (`:values`, `:contacts`, `:near` for
// names that only nearly match, `:files`),
// then one candidate per line, `value<TAB>description`.

// The scripts are written with @{ where the shell has ${ (which a template literal would read as its own).
function script(strings: TemplateStringsArray): string {
  return strings.raw.join('').replaceAll('@{', '${');
}

export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type ScriptShell = (typeof SHELLS)[number];

const BASH = script`# bash completion for net
# Install (one of):
#   net completion bash > ~/.local/share/bash-completion/completions/net
#   echo 'source <(net completion bash)' >> ~/.bashrc
_net_complete() {
    local cur=@{COMP_WORDS[COMP_CWORD]}
    local -a words=("@{COMP_WORDS[@]:1:COMP_CWORD}")
    # After "--via=" bash completes an empty word that follows the "=".
    if [[ $cur == "=" ]]; then
        cur=""
        words+=("")
    fi
    local -a lines=()
    local line
    while IFS= read -r line; do
        lines+=("$line")
    done < <(command "@{COMP_WORDS[0]}" __complete bash -- "@{words[@]}" 2>/dev/null)
    COMPREPLY=()
    case @{lines[0]} in
        :files)
            compopt -o filenames 2>/dev/null
            while IFS= read -r line; do
                COMPREPLY+=("$line")
            done < <(compgen -f -- "$cur")
            ;;
        :contacts | :near)
            # Names with spaces and accents: readline quotes them as it does file names.
            compopt -o filenames 2>/dev/null
            for line in "@{lines[@]:1}"; do
                COMPREPLY+=("@{line%%$'\t'*}")
            done
            ;;
        :values)
            for line in "@{lines[@]:1}"; do
                COMPREPLY+=("@{line%%$'\t'*}")
            done
            ;;
    esac
    return 0
}
complete -F _net_complete net netj
`;

const ZSH = script`#compdef net netj
# zsh completion for net
# Install (one of):
#   net completion zsh > "@{fpath[1]}/_net"      # then start a new shell
#   echo 'source <(net completion zsh)' >> ~/.zshrc  # after compinit
_net() {
    local -a lines values shown
    local line directive
    lines=("@{(@f)$(command @{words[1]} __complete zsh -- "@{(@)words[2,CURRENT]}" 2>/dev/null)}")
    directive=@{lines[1]}
    shift lines
    case $directive in
        :files)
            _files
            return
            ;;
        :values | :contacts | :near)
            for line in "@{lines[@]}"; do
                [[ -z $line ]] && continue
                values+=("@{line%%$'\t'*}")
                if [[ $line == *$'\t'* ]]; then
                    shown+=("@{line%%$'\t'*}  -- @{line#*$'\t'}")
                else
                    shown+=("@{line}")
                fi
            done
            (( @{#values} )) || return 1
            if [[ $directive == :near ]]; then
                # "nicolo" finds "Niccolò": near matches replace what was typed.
                compadd -U -l -d shown -- "@{values[@]}"
            elif [[ $directive == :contacts ]]; then
                # "mar" finds "Fabio Mariani" too: match inside names, ignoring case.
                compadd -M 'm:{[:lower:]}={[:upper:]} l:|=* r:|=*' -l -d shown -- "@{values[@]}"
            else
                compadd -l -d shown -- "@{values[@]}"
            fi
            ;;
        *)
            return 1
            ;;
    esac
}
if [[ @{zsh_eval_context[-1]} == loadautofunc ]]; then
    _net "$@"
else
    compdef _net net netj
fi
`;

const FISH = script`# fish completion for net and netj
# Install: net completion fish > ~/.config/fish/completions/net.fish
# (fish loads a file per command: for netj, also save it as netj.fish)
function __net_complete
    set -l program (commandline -opc)[1]
    set -l words (commandline -opc)[2..-1] (commandline -ct)
    set -l lines (command $program __complete fish -- $words 2>/dev/null)
    switch "$lines[1]"
        case :files
            __fish_complete_path (commandline -ct)
        case :values :contacts :near
            printf '%s\n' $lines[2..-1]
    end
end
complete -c net -f -a '(__net_complete)'
complete -c netj -f -a '(__net_complete)'
`;

export function completionScript(shell: ScriptShell): string {
  return shell === 'bash' ? BASH : shell === 'zsh' ? ZSH : FISH;
}
