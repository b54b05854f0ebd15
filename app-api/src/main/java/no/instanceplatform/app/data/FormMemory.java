package no.instanceplatform.app.data;

import no.instanceplatform.app.AppProperties;
import no.instanceplatform.app.common.AppRuleException;
import no.instanceplatform.web.MemoryBudget;
import org.springframework.stereotype.Component;

/**
 * The memory the App API holds form data in, within one budget ({@code app.form-data-memory}, a quarter of the heap
 * unless set): a form's bytes while they are checked before they are stored, and a form's parsed tree while it is
 * validated or copied. Without it a burst of large forms, or one over the heap, ran the App API out of memory: one
 * JSON form of 300 MB at {@code -Xmx256m} was answered 500, and so was one of 10 MiB whose tree took 31 times that.
 */
@Component
public class FormMemory {

  /**
   * The heap a parsed form takes for each byte of its text, at most: a JSON array of empty objects takes 31 (measured
   * with a heap reading before and after the parse; small objects 19, empty arrays 18, XML elements with text 14, a
   * long string 1).
   */
  static final int TREE_BYTES_PER_BYTE = 32;

  /**
   * The heap a form takes for each byte while it is held and scanned: its bytes, and Jackson's text of the value being
   * read (two bytes a character, so up to twice the form for a form that is one long string).
   */
  static final int HELD_BYTES_PER_BYTE = 3;

  private final MemoryBudget budget;

  FormMemory(AppProperties properties) {
    this.budget = MemoryBudget.setOrQuarterOfHeap(properties.formDataMemory(), properties.formDataMemoryWait());
  }

  /** The longest form that is held and scanned. */
  public long mostHeld() {
    return budget.bytes() / HELD_BYTES_PER_BYTE;
  }

  /** Refuses {@code what} (a form, a part) as longer than {@link #mostHeld}: 413. */
  public AppRuleException tooLongToHold(String what) {
    return AppRuleException.tooLarge(what + " is larger than " + mostHeld()
        + " bytes, the most form data the App API holds in memory.");
  }

  /**
   * Room to hold and scan a form of {@code length} bytes, at most {@link #mostHeld}, waiting in turn; refused as
   * {@link MemoryBudget.Busy} (503).
   */
  public MemoryBudget.Reservation hold(long length) {
    return budget.reserve(Math.max(0, length) * HELD_BYTES_PER_BYTE,
        "The App API is checking as much form data as its memory allows. Try again shortly.");
  }

  /** The longest form that is parsed into a tree. */
  public long mostParsed() {
    return budget.bytes() / TREE_BYTES_PER_BYTE;
  }

  /** Room for the tree of a form of {@code length} bytes, at most {@link #mostParsed}, as {@link #hold} waits. */
  public MemoryBudget.Reservation parse(long length, String busy) {
    return budget.reserve(Math.max(0, length) * TREE_BYTES_PER_BYTE, busy);
  }
}
