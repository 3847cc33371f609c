package dev.newsticker.config;

import java.util.Map;

/** A setting that cannot be used; its message names the setting (and its environment variable) and what is wrong. */
public class ConfigException extends RuntimeException {

  public ConfigException(String setting, String problem) {
    super("Bad setting " + setting + variable(setting) + ": " + problem);
  }

  private static String variable(String setting) {
    return SettingsLoader.ENVIRONMENT.entrySet().stream()
      .filter(entry -> entry.getValue().equals(setting))
      .map(Map.Entry::getKey)
      .findFirst()
      .map(name -> " (" + name + ")")
      .orElse("");
  }
}
