// The analysis form's settings in the browser: their ranges, and the check
// the command line makes of them, run on the text the user typed before any
// analysis starts.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <functional>
#include <string>

#include "analysis/run_settings.hpp"

using emscripten::val;

namespace {

// message is empty when every setting is accepted; setting names the one the
// message is about (by its command-line name), or is empty when the message
// is about no single setting.
struct SettingsCheck {
  std::string setting;
  std::string message;
};

using Validator = std::function<void(const shoal::OptionValues&)>;

shoal::OptionValues text_values(const val& object) {
  shoal::OptionValues values;
  if (object.isUndefined() || object.isNull()) return values;
  const val names = val::global("Object").call<val>("keys", object);
  for (unsigned i = 0; i < names["length"].as<unsigned>(); ++i) {
    const std::string name = names[i].as<std::string>();
    const val v = object[name];
    values[name] = v.isString() ? v.as<std::string>() : std::string();
  }
  return values;
}

std::string refusal(const Validator& validate, const shoal::OptionValues& values) {
  try {
    validate(values);
    return {};
  } catch (const shoal::OptionError& e) {
    return e.what();
  }
}

// The setting at fault is the one that, given alone (the others at their
// defaults), is refused with the same words.
SettingsCheck check(const Validator& validate, const shoal::OptionValues& values) {
  SettingsCheck result;
  result.message = refusal(validate, values);
  if (result.message.empty()) return result;
  for (const auto& entry : values) {
    if (refusal(validate, {entry}) == result.message) {
      result.setting = entry.first;
      break;
    }
  }
  return result;
}

// settings: {color: {name: text}, concept: {name: text}}, names as on the
// command line without the dashes; the colour settings are checked first.
SettingsCheck check_settings(val settings) {
  const auto color = check([](const shoal::OptionValues& v) { shoal::color_run_settings(v); }, text_values(settings["color"]));
  if (!color.message.empty()) return color;
  return check([](const shoal::OptionValues& v) { shoal::concept_run_settings(v); }, text_values(settings["concept"]));
}

// The numeric settings' ranges and defaults, for the page's form (JSON).
std::string option_limits() { return shoal::option_limits().dump(); }

}  // namespace

EMSCRIPTEN_BINDINGS(shoal_settings) {
  emscripten::value_object<SettingsCheck>("SettingsCheck")
      .field("setting", &SettingsCheck::setting)
      .field("message", &SettingsCheck::message);
  emscripten::function("checkSettings", &check_settings);
  emscripten::function("optionLimits", &option_limits);
}
