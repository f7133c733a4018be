package fr.harmonie.json;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On an immutable record whose instances are built once and shared by many evaluations (a rule's origin, built when
 * its pack is compiled): {@link EcrivainCanonique} keeps the canonical bytes of recently written instances, by
 * identity, instead of encoding the same text again for every receipt.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EcritureMemorisee {
}
