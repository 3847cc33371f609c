package dev.newsticker.ingest;

/** A fetch or parse that failed; the message is the reason shown in the feed's status. */
class FetchException extends RuntimeException {

  FetchException(String reason) {
    super(reason, null, false, false);
  }
}
