package no.instanceplatform.storage.instances;

import java.util.List;
import no.instanceplatform.model.Instance;

/** Instances of a query in its order, and whether more follow the last of them. */
public record InstancePage(List<Instance> instances, boolean more) {}
