package org.ncs.persistence;

import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Transient;
import org.springframework.data.domain.Persistable;

/**
 * An entity whose id is made in Java (a UUID) rather than by the database. Spring Data cannot tell from such an
 * id whether the entity is new, and would read it back before every insert; this tells it, so saving a new one is
 * a single insert.
 */
@MappedSuperclass
public abstract class AssignedIdEntity implements Persistable<String> {

  @Transient
  private boolean stored;

  @Override
  public boolean isNew() {
    return !stored;
  }

  @PostLoad
  @PostPersist
  void markStored() {
    stored = true;
  }
}
