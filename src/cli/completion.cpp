#include "cli/completion.hpp"

#include "util/fatal_error.hpp"
#include "version.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <fmt/format.h>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace rg::cli {

namespace {

// What the App tree says about one option, read once; the four renderers share it.
struct OptionSpec {
  std::vector<std::string> shorts; // "o"
  std::vector<std::string> longs;  // "output"
  std::string description;
  std::string value_name;           // "TEXT", "INT"; empty for a flag
  std::vector<std::string> choices; // from an IsMember check
  std::string default_value;
  bool required = false;
};

struct CommandSpec {
  std::string path;  // "" for rootguard itself, "policy/check" for `rootguard policy check`
  std::string words; // "policy check"
  std::string name;
  std::string description;
  std::vector<OptionSpec> options;
  std::vector<std::string> positionals; // "PATHS..."
  std::vector<CommandSpec> commands;
};

// Names and values go into the scripts unquoted where a shell would otherwise need nested quoting: they
// must be plain words. An option or command that is not is a programming error, caught by the tests.
bool plain_word(std::string_view word) {
  return !word.empty() && std::all_of(word.begin(), word.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '_' || c == '.';
  });
}

std::string one_line(std::string text) {
  std::replace(text.begin(), text.end(), '\n', ' ');
  std::replace(text.begin(), text.end(), '\t', ' ');
  return text;
}

// "TEXT:{en,ja}" (CLI11's type name with each check's description): the values between the braces.
std::vector<std::string> choices_of(const std::string& type_name) {
  std::vector<std::string> result;
  const auto open = type_name.find(":{");
  if (open == std::string::npos) {
    return result;
  }
  const auto close = type_name.find('}', open);
  if (close == std::string::npos) {
    return result;
  }
  const std::string list = type_name.substr(open + 2, close - open - 2);
  size_t start = 0;
  while (start <= list.size()) {
    const auto comma = std::min(list.find(',', start), list.size());
    std::string value = list.substr(start, comma - start);
    if (!plain_word(value)) {
      return {}; // not a plain list of words: offer files, not a wrong list
    }
    result.push_back(std::move(value));
    start = comma + 1;
  }
  return result;
}

CommandSpec describe(const CLI::App& app, const std::string& path, const std::string& words) {
  CommandSpec spec;
  spec.path = path;
  spec.words = words;
  spec.name = app.get_name();
  spec.description = one_line(app.get_description());
  for (const auto* option : app.get_options()) {
    if (option->get_group().empty()) {
      continue; // hidden
    }
    if (option->get_lnames().empty() && option->get_snames().empty()) {
      if (option->get_positional()) {
        std::string name = option->get_name();
        std::transform(name.begin(), name.end(), name.begin(),
                       [](unsigned char c) { return static_cast<char>(c == '-' ? '_' : std::toupper(c)); });
        spec.positionals.push_back(option->get_expected_max() > 1 ? fmt::format("{}...", name) : name);
      }
      continue;
    }
    OptionSpec out;
    out.shorts = option->get_snames();
    out.longs = option->get_lnames();
    out.description = one_line(option->get_description());
    if (option->get_expected_max() != 0) { // a flag expects no value
      const std::string type_name = option->get_type_name();
      out.value_name = type_name.substr(0, type_name.find(':'));
      if (out.value_name.empty()) {
        out.value_name = "VALUE";
      }
      out.choices = choices_of(type_name);
    }
    out.default_value = option->get_default_str();
    out.required = option->get_required();
    for (const auto& name : out.shorts) {
      if (!plain_word(name)) {
        throw FatalError(ExitCode::kError, fmt::format("option name not a plain word: {}", name));
      }
    }
    for (const auto& name : out.longs) {
      if (!plain_word(name)) {
        throw FatalError(ExitCode::kError, fmt::format("option name not a plain word: {}", name));
      }
    }
    spec.options.push_back(std::move(out));
  }
  for (const auto* sub : app.get_subcommands([](const CLI::App*) { return true; })) {
    if (sub->get_group().empty() || sub->get_name().empty()) {
      continue; // hidden commands (snapshot, completion, man) and option groups
    }
    if (!plain_word(sub->get_name())) {
      throw FatalError(ExitCode::kError, fmt::format("command name not a plain word: {}", sub->get_name()));
    }
    const std::string sub_path = path.empty() ? sub->get_name() : fmt::format("{}/{}", path, sub->get_name());
    const std::string sub_words =
        words.empty() ? sub->get_name() : fmt::format("{} {}", words, sub->get_name());
    spec.commands.push_back(describe(*sub, sub_path, sub_words));
  }
  return spec;
}

void for_each_command(const CommandSpec& spec, const std::function<void(const CommandSpec&)>& visit) {
  visit(spec);
  for (const auto& sub : spec.commands) {
    for_each_command(sub, visit);
  }
}

std::vector<std::string> dashed_names(const OptionSpec& option) {
  std::vector<std::string> names;
  for (const auto& name : option.shorts) {
    names.push_back(fmt::format("-{}", name));
  }
  for (const auto& name : option.longs) {
    names.push_back(fmt::format("--{}", name));
  }
  return names;
}

std::string join(const std::vector<std::string>& items, std::string_view separator) {
  std::string out;
  for (const auto& item : items) {
    if (!out.empty()) {
      out += separator;
    }
    out += item;
  }
  return out;
}

// 'text' for sh, bash and zsh: a quote closes, is escaped and reopens.
std::string sh_quote(std::string_view text) {
  std::string out = "'";
  for (const char c : text) {
    if (c == '\'') {
      out += "'\\''";
    } else {
      out += c;
    }
  }
  out += '\'';
  return out;
}

// 'text' for fish, where \ and ' are escaped inside single quotes.
std::string fish_quote(std::string_view text) {
  std::string out = "'";
  for (const char c : text) {
    if (c == '\'' || c == '\\') {
      out += '\\';
    }
    out += c;
  }
  out += '\'';
  return out;
}

// The case labels `at:word` that step from one command to the next, shared by the three shells.
std::vector<std::string> command_steps(const CommandSpec& root) {
  std::vector<std::string> steps;
  for_each_command(root, [&](const CommandSpec& spec) {
    for (const auto& sub : spec.commands) {
      steps.push_back(sh_quote(fmt::format("{}:{}", spec.path, sub.name)));
    }
  });
  return steps;
}

std::string render_bash(const CommandSpec& root) {
  std::string out =
      "# bash completion for rootguard, generated by `rootguard completion bash` from the same\n"
      "# definitions as --help. Install as /usr/share/bash-completion/completions/rootguard.\n";
  out += "_rootguard_step() {\n  case \"$1\" in\n";
  out += fmt::format("    {}) return 0 ;;\n", join(command_steps(root), " | "));
  out += "  esac\n  return 1\n}\n\n";
  out += "_rootguard() {\n"
         "  local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD - 1]} at='' i list=''\n"
         "  for ((i = 1; i < COMP_CWORD; i++)); do\n"
         "    if _rootguard_step \"$at:${COMP_WORDS[i]}\"; then\n"
         "      at=${at:+$at/}${COMP_WORDS[i]}\n"
         "    fi\n"
         "  done\n"
         "  case \"$at:$prev\" in\n";
  for_each_command(root, [&](const CommandSpec& spec) {
    for (const auto& option : spec.options) {
      if (option.value_name.empty()) {
        continue;
      }
      std::vector<std::string> labels;
      for (const auto& name : dashed_names(option)) {
        labels.push_back(sh_quote(fmt::format("{}:{}", spec.path, name)));
      }
      const std::string reply = option.choices.empty() ? "compgen -f -- \"$cur\""
                                                       : fmt::format("compgen -W {} -- \"$cur\"",
                                                                     sh_quote(join(option.choices, " ")));
      out += fmt::format("    {})\n      mapfile -t COMPREPLY < <({})\n      return 0\n      ;;\n",
                         join(labels, " | "), reply);
    }
  });
  out += "  esac\n  if [[ $cur == -* ]]; then\n    case \"$at\" in\n";
  for_each_command(root, [&](const CommandSpec& spec) {
    std::vector<std::string> names;
    for (const auto& option : spec.options) {
      const auto dashed = dashed_names(option);
      names.insert(names.end(), dashed.begin(), dashed.end());
    }
    out += fmt::format("      {}) list={} ;;\n", sh_quote(spec.path), sh_quote(join(names, " ")));
  });
  out += "    esac\n  else\n    case \"$at\" in\n";
  for_each_command(root, [&](const CommandSpec& spec) {
    if (spec.commands.empty()) {
      return;
    }
    std::vector<std::string> names;
    for (const auto& sub : spec.commands) {
      names.push_back(sub.name);
    }
    out += fmt::format("      {}) list={} ;;\n", sh_quote(spec.path), sh_quote(join(names, " ")));
  });
  out += "    esac\n  fi\n"
         "  if [[ -n $list ]]; then\n"
         "    mapfile -t COMPREPLY < <(compgen -W \"$list\" -- \"$cur\")\n"
         "  else\n"
         "    mapfile -t COMPREPLY < <(compgen -f -- \"$cur\")\n"
         "  fi\n"
         "}\n"
         "complete -o filenames -F _rootguard rootguard\n";
  return out;
}

std::string render_zsh(const CommandSpec& root) {
  std::string out = "#compdef rootguard\n"
                    "# zsh completion for rootguard, generated by `rootguard completion zsh` from the same\n"
                    "# definitions as --help. Install as _rootguard in a folder of $fpath\n"
                    "# (/usr/share/zsh/vendor-completions).\n\n";
  out += "_rootguard_step() {\n  case \"$1\" in\n";
  out += fmt::format("    ({}) return 0 ;;\n", join(command_steps(root), " | "));
  out += "  esac\n  return 1\n}\n\n";
  out += "_rootguard() {\n"
         "  local at='' i\n"
         "  local -a entries\n"
         "  for ((i = 2; i < CURRENT; i++)); do\n"
         "    if _rootguard_step \"$at:${words[i]}\"; then\n"
         "      at=${at:+$at/}${words[i]}\n"
         "    fi\n"
         "  done\n"
         "  case \"$at:${words[CURRENT - 1]}\" in\n";
  for_each_command(root, [&](const CommandSpec& spec) {
    for (const auto& option : spec.options) {
      if (option.value_name.empty()) {
        continue;
      }
      std::vector<std::string> labels;
      for (const auto& name : dashed_names(option)) {
        labels.push_back(sh_quote(fmt::format("{}:{}", spec.path, name)));
      }
      std::vector<std::string> quoted;
      for (const auto& choice : option.choices) {
        quoted.push_back(sh_quote(choice));
      }
      const std::string reply =
          option.choices.empty() ? "_files" : fmt::format("compadd -- {}", join(quoted, " "));
      out += fmt::format("    ({})\n      {}\n      return\n      ;;\n", join(labels, " | "), reply);
    }
  });
  out += "  esac\n  if [[ $PREFIX == -* ]]; then\n    case \"$at\" in\n";
  for_each_command(root, [&](const CommandSpec& spec) {
    std::vector<std::string> entries;
    for (const auto& option : spec.options) {
      for (const auto& name : dashed_names(option)) {
        entries.push_back(sh_quote(fmt::format("{}:{}", name, option.description)));
      }
    }
    out += fmt::format("      ({}) entries=({}) ;;\n", sh_quote(spec.path), join(entries, " "));
  });
  out += "    esac\n    _describe -t options 'option' entries\n  else\n    case \"$at\" in\n";
  for_each_command(root, [&](const CommandSpec& spec) {
    if (spec.commands.empty()) {
      return;
    }
    std::vector<std::string> entries;
    for (const auto& sub : spec.commands) {
      entries.push_back(sh_quote(fmt::format("{}:{}", sub.name, sub.description)));
    }
    out += fmt::format("      ({}) entries=({}) ;;\n", sh_quote(spec.path), join(entries, " "));
  });
  out += "      (*) entries=() ;;\n"
         "    esac\n"
         "    if ((${#entries})); then\n"
         "      _describe -t commands 'command' entries\n"
         "    else\n"
         "      _files\n"
         "    fi\n"
         "  fi\n"
         "}\n\n"
         "if [[ $funcstack[1] == _rootguard ]]; then\n"
         "  _rootguard \"$@\"\n"
         "else\n"
         "  compdef _rootguard rootguard\n"
         "fi\n";
  return out;
}

std::string render_fish(const CommandSpec& root) {
  std::string out =
      "# fish completion for rootguard, generated by `rootguard completion fish` from the same\n"
      "# definitions as --help. Install as /usr/share/fish/vendor_completions.d/rootguard.fish.\n\n";
  out += "function __rootguard_at --description 'Whether the command line is at this rootguard command'\n"
         "    set -l tokens (commandline -opc)\n"
         "    set -e tokens[1]\n"
         "    set -l at ''\n"
         "    for word in $tokens\n"
         "        switch \"$at:$word\"\n";
  out += fmt::format("            case {}\n", join(command_steps(root), " "));
  out += "                if test -z \"$at\"\n"
         "                    set at $word\n"
         "                else\n"
         "                    set at \"$at/$word\"\n"
         "                end\n"
         "        end\n"
         "    end\n"
         "    test \"$at\" = \"$argv[1]\"\n"
         "end\n\n"
         "complete -c rootguard -f\n";
  for_each_command(root, [&](const CommandSpec& spec) {
    const std::string condition = fish_quote(fmt::format("__rootguard_at '{}'", spec.path));
    for (const auto& sub : spec.commands) {
      out += fmt::format("complete -c rootguard -n {} -a {} -d {}\n", condition, sub.name,
                         fish_quote(sub.description));
    }
    for (const auto& option : spec.options) {
      std::string line = fmt::format("complete -c rootguard -n {}", condition);
      for (const auto& name : option.shorts) {
        line += fmt::format(" -s {}", name);
      }
      for (const auto& name : option.longs) {
        line += fmt::format(" -l {}", name);
      }
      line += fmt::format(" -d {}", fish_quote(option.description));
      if (!option.value_name.empty()) {
        line += option.choices.empty() ? " -r -F"
                                       : fmt::format(" -x -a {}", fish_quote(join(option.choices, " ")));
      }
      out += line + "\n";
    }
    if (!spec.positionals.empty()) {
      out += fmt::format("complete -c rootguard -n {} -F\n", condition);
    }
  });
  return out;
}

// roff text: a backslash is \e, a '-' is \- (a real hyphen-minus, copyable into a shell), and a line that
// would start with '.' or '\'' (a request) starts with \& instead.
std::string roff(std::string_view text) {
  std::string out;
  for (const char c : text) {
    if (c == '\\') {
      out += "\\e";
    } else if (c == '-') {
      out += "\\-";
    } else {
      out += c;
    }
  }
  if (!out.empty() && (out.front() == '.' || out.front() == '\'')) {
    out.insert(0, "\\&");
  }
  return out;
}

void render_man_options(const CommandSpec& spec, std::string& out) {
  for (const auto& option : spec.options) {
    std::vector<std::string> names;
    for (const auto& name : dashed_names(option)) {
      names.push_back(fmt::format("\\fB{}\\fR", roff(name)));
    }
    std::string head = join(names, ", ");
    if (!option.value_name.empty()) {
      head += fmt::format(" \\fI{}\\fR", roff(option.value_name));
    }
    std::string body = roff(option.description);
    if (!option.choices.empty()) {
      body += fmt::format(" Allowed values: {}.", roff(join(option.choices, ", ")));
    }
    if (!option.default_value.empty()) {
      body += fmt::format(" Default: {}.", roff(option.default_value));
    }
    if (option.required) {
      body += " Required.";
    }
    out += fmt::format(".TP\n{}\n{}\n", head, body);
  }
}

std::string render_man(const CommandSpec& root) {
  std::string summary = root.description;
  if (const auto colon = summary.find(": "); colon != std::string::npos) {
    summary = summary.substr(colon + 2);
  }
  std::string out =
      fmt::format(".\\\" Generated by `rootguard man` from the same definitions as --help.\n"
                  ".TH ROOTGUARD 1 \"\" \"rootguard {}\" \"User Commands\"\n"
                  ".SH NAME\nrootguard \\- {}\n"
                  ".SH SYNOPSIS\n.B rootguard\n[\\fIOPTIONS\\fR] \\fICOMMAND\\fR [\\fIARGS\\fR]\n"
                  ".SH DESCRIPTION\n{}\n.PP\n"
                  "Each command below lists its own options; \\fB\\-\\-help\\fR after any command "
                  "prints the same text.\n.SH OPTIONS\n",
                  roff(kVersion), roff(summary), roff(root.description));
  render_man_options(root, out);
  out += ".SH COMMANDS\n";
  for_each_command(root, [&](const CommandSpec& spec) {
    if (spec.path.empty()) {
      return;
    }
    out += fmt::format(".SS \"rootguard {}\"\n", roff(spec.words));
    std::string synopsis = fmt::format("\\fBrootguard {}\\fR", roff(spec.words));
    if (!spec.commands.empty()) {
      synopsis += " \\fICOMMAND\\fR";
    }
    if (!spec.options.empty()) {
      synopsis += " [\\fIOPTIONS\\fR]";
    }
    for (const auto& positional : spec.positionals) {
      synopsis += fmt::format(" \\fI{}\\fR", roff(positional));
    }
    out += fmt::format("{}\n.PP\n{}\n", synopsis, roff(spec.description));
    if (!spec.commands.empty()) {
      std::vector<std::string> names;
      for (const auto& sub : spec.commands) {
        names.push_back(fmt::format("\\fB{}\\fR", roff(sub.name)));
      }
      out += fmt::format(".PP\nCommands: {}.\n", join(names, ", "));
    }
    render_man_options(spec, out);
  });
  out += ".SH \"EXIT STATUS\"\n"
         ".TP\n.B 0\nSuccess; nothing failed.\n"
         ".TP\n.B 1\nAn error: unreadable input, a file that could not be written, a failed collection.\n"
         ".TP\n.B 2\nA usage error: an unknown command or option, a missing or invalid value.\n"
         ".TP\n.B 3\nThe check ran and found failures.\n"
         ".SH ENVIRONMENT\n"
         ".TP\n.B NO_COLOR\nAny non-empty value turns colour off, as \\fB\\-\\-no\\-color\\fR does.\n"
         ".TP\n.B TERM\n\\fBdumb\\fR turns colour off.\n"
         ".TP\n.BR LC_ALL \", \" LC_MESSAGES \", \" LANG\n"
         "The language of the output when \\fB\\-\\-lang\\fR is not given: \\fBja\\fR for a Japanese locale, "
         "English otherwise.\n"
         ".SH \"SEE ALSO\"\n"
         "/usr/share/doc/rootguard/README.md\n";
  return out;
}

void write_stdout(const std::string& text) {
  if (std::fwrite(text.data(), 1, text.size(), stdout) != text.size() || std::fflush(stdout) != 0) {
    throw FatalError(ExitCode::kError, "cannot write to standard output");
  }
}

} // namespace

std::string render_completion(const CLI::App& app, std::string_view shell) {
  const auto root = describe(app, "", "");
  if (shell == "bash") {
    return render_bash(root);
  }
  if (shell == "zsh") {
    return render_zsh(root);
  }
  if (shell == "fish") {
    return render_fish(root);
  }
  throw FatalError(ExitCode::kUsage, fmt::format("completion: unknown shell {}", shell));
}

std::string render_man_page(const CLI::App& app) {
  return render_man(describe(app, "", ""));
}

void add_completion_commands(CLI::App& root, Action& action) {
  auto* completion =
      root.add_subcommand("completion", "Print the shell completion script for bash, zsh or fish");
  completion->group(""); // hidden: for packagers and dotfiles, not for the command list
  auto shell = std::make_shared<std::string>();
  completion->add_option("shell", *shell, "bash, zsh or fish")
      ->required()
      ->check(CLI::IsMember({"bash", "zsh", "fish"}));
  completion->callback([shell, &root, &action] {
    action = [shell, &root] {
      write_stdout(render_completion(root, *shell));
      return ExitCode::kOk;
    };
  });
  auto* man = root.add_subcommand("man", "Print the man page (roff) to standard output");
  man->group("");
  man->callback([&root, &action] {
    action = [&root] {
      write_stdout(render_man_page(root));
      return ExitCode::kOk;
    };
  });
}

} // namespace rg::cli
