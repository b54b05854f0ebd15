package no.instanceplatform.app.instances;

import java.util.Set;
import java.util.function.Supplier;
import no.instanceplatform.app.common.AppRuleException;
import no.instanceplatform.app.storageclient.RegisterClient;
import no.instanceplatform.app.storageclient.RegisterParty;
import no.instanceplatform.app.storageclient.StorageProblemException;
import no.instanceplatform.model.Application;
import no.instanceplatform.model.InstanceOwner;
import no.instanceplatform.model.PartyTypesAllowed;
import org.springframework.stereotype.Component;

/**
 * Finds the owner of a new instance in the register, from whichever identifier the client gave (the query's party
 * id, or the template's party id, national identity number or organisation number, in that order), and checks that
 * the app allows that kind of party.
 */
@Component
class InstanceOwners {

  /** Register's unit types of sub-units (BEDR, AAFY) and bankruptcy estates (KBO), as app-lib reads them. */
  private static final Set<String> SUB_UNITS = Set.of("BEDR", "AAFY");
  private static final String BANKRUPTCY_ESTATE = "KBO";

  private final RegisterClient register;

  InstanceOwners(RegisterClient register) {
    this.register = register;
  }

  /** The owner as Storage records it: the party id and the party's national identifier. */
  InstanceOwner resolve(Application app, InstantiationTemplate template, Long queryPartyId, String token) {
    if (queryPartyId != null && template.namesOwner()) {
      throw AppRuleException.invalid("The instance owner is given both as 'instanceOwnerPartyId' and in the "
          + "template's 'instanceOwner'; give one of them.");
    }
    RegisterParty party = queryPartyId != null ? find(() -> register.party(queryPartyId, token), "party "
        + queryPartyId) : fromTemplate(template.instanceOwner(), token);
    requireAllowed(app, party);
    boolean person = party.partyTypeName() == RegisterParty.PERSON;
    return new InstanceOwner(party.partyId(), person ? party.ssn() : null, person ? null : party.orgNumber(), null);
  }

  private RegisterParty fromTemplate(InstanceOwner owner, String token) {
    if (owner == null || owner.partyId() == null && owner.personNumber() == null
        && owner.organisationNumber() == null) {
      throw AppRuleException.invalid("The instance owner is missing: give 'instanceOwnerPartyId' in the query, or "
          + "'instanceOwner' with 'partyId', 'personNumber' or 'organisationNumber' in the template.");
    }
    if (owner.partyId() != null) {
      long partyId = partyId(owner.partyId());
      return find(() -> register.party(partyId, token), "party " + partyId);
    }
    if (owner.personNumber() != null) {
      return find(() -> register.person(owner.personNumber(), token), "person with that national identity number");
    }
    return find(() -> register.organisation(owner.organisationNumber(), token),
        "organisation " + owner.organisationNumber());
  }

  private static long partyId(String text) {
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw AppRuleException.invalid("'instanceOwner.partyId' must be a number, not '" + text + "'.");
    }
  }

  private static RegisterParty find(Supplier<RegisterParty> lookup, String what) {
    try {
      return lookup.get();
    } catch (StorageProblemException e) {
      if (e.status() == 404 || e.status() == 400) {
        throw AppRuleException.notFound("The register has no " + what + ".");
      }
      throw e;
    }
  }

  /** All false, or none given, allows every kind of party (Altinn's reading). */
  private static void requireAllowed(Application app, RegisterParty party) {
    PartyTypesAllowed allowed = app.partyTypesAllowed();
    if (allowed == null || !(allowed.person() || allowed.organisation() || allowed.subUnit()
        || allowed.bankruptcyEstate())) {
      return;
    }
    String kind = kind(party);
    boolean ok = switch (kind) {
      case "person" -> allowed.person();
      case "subUnit" -> allowed.subUnit();
      case "bankruptcyEstate" -> allowed.bankruptcyEstate();
      case "organisation" -> allowed.organisation();
      default -> false;
    };
    if (!ok) {
      throw AppRuleException.forbidden("The app " + app.id() + " does not allow a party of type " + kind
          + " to own instances.");
    }
  }

  private static String kind(RegisterParty party) {
    if (party.partyTypeName() == RegisterParty.PERSON) {
      return "person";
    }
    if (party.partyTypeName() != RegisterParty.ORGANISATION && party.partyTypeName() != RegisterParty.SUB_UNIT
        && party.partyTypeName() != RegisterParty.BANKRUPTCY_ESTATE) {
      return "selfIdentified";
    }
    String unitType = party.unitType() == null ? "" : party.unitType().strip().toUpperCase();
    if (party.partyTypeName() == RegisterParty.SUB_UNIT || SUB_UNITS.contains(unitType)) {
      return "subUnit";
    }
    return party.partyTypeName() == RegisterParty.BANKRUPTCY_ESTATE || BANKRUPTCY_ESTATE.equals(unitType) ? "bankruptcyEstate" : "organisation";
  }
}
