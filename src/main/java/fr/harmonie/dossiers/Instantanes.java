package fr.harmonie.dossiers;

import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads made of several queries that must agree with each other while dossiers are deposited meanwhile (a whole list
 * read page by page, figures counted in several passes): one repeatable-read, read-only snapshot.
 */
final class Instantanes {

    private Instantanes() {
    }

    /** A template running its work in one snapshot, on the transaction manager of {@code transaction}. */
    static TransactionTemplate enLectureSeule(TransactionTemplate transaction) {
        TransactionTemplate instantane = new TransactionTemplate(transaction.getTransactionManager());
        instantane.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        instantane.setReadOnly(true);
        return instantane;
    }
}
