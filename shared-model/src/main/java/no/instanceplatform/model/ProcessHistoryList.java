package no.instanceplatform.model;

import java.util.List;

/** An instance's process history, wrapped as Altinn wraps it. */
public record ProcessHistoryList(List<ProcessHistoryItem> processHistory) {}
