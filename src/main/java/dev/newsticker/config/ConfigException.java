package dev.newsticker.config;

/** A setting that cannot be used; its message names the setting and says what is wrong. */
public class ConfigException extends RuntimeException {

  public ConfigException(String setting, String problem) {
    super("Bad setting " + setting + ": " + problem);
  }
}
