/** What our own tables share: entities with ids assigned in Java. */
package org.ncs.persistence;
