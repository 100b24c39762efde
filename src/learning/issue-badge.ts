// Issuing a badge: an Open Badges 3.0 credential signed with the municipality's key, stored
// so the citizen can download it again and the issuer can revoke it; and its PDF certificate.
import crypto from 'node:crypto';
import { accessiblePdf } from '../platform/pdf';
import SVGtoPDF from 'svg-to-pdfkit';
import QRCode from 'qrcode';
import type { CprCipher } from '../platform/crypto/cpr-cipher';
import type { DbOrTx } from '../platform/db/client';
import {
  buildCredential,
  issuerKey,
  signCredential,
  statusListUrl,
  takeStatusIndex,
  type CredentialFacts,
  type OpenBadgeCredential,
} from './badges';
import { DIGCOMP_URL, competencesOfArea, digcompTitle } from './digcomp.model';
import { badges } from './learning.schema';
import type { BadgeRow, OfferRow } from './learning.store';
import { clock } from '../platform/clock';

export interface Issuer {
  municipalityId: string;
  name: string;
  /** This site's origin, where the issuer profile, keys and revocation list are published. */
  origin: string;
}

const alignmentsOf = (competences: string[]) =>
  competences.map((c) => ({ code: c, name: digcompTitle(c, 'en'), url: DIGCOMP_URL }));

export function offerAchievement(offer: OfferRow) {
  return {
    id: `urn:digiloft:achievement:offer:${offer.id}`,
    name: offer.name,
    description:
      offer.description ||
      `Gennemført "${offer.name}" hos ${offer.providerName} (${offer.hoursPerWeek} timer om ugen i ${offer.weeks} uger).`,
    criteria: `Deltog i forløbet og fik det godkendt som gennemført af ${offer.providerName}.`,
    achievementType: 'Course' as const,
    alignments: alignmentsOf(offer.lifts.map((l) => l.competence)),
  };
}

export function levelAchievement(area: string, level: number) {
  return {
    id: `urn:digiloft:achievement:digcomp:${area}:${level}`,
    name: `${digcompTitle(area, 'da')}: DigComp-niveau ${level}`,
    description: `Viste DigComp 2.2-niveau ${level} af 8 i kompetenceområdet "${digcompTitle(area, 'da')}" (${digcompTitle(area, 'en')}).`,
    criteria: `Nåede niveau ${level} i området i Digiløfts adaptive test af digitale kompetencer (DigComp 2.2, IRT-baseret).`,
    achievementType: 'Competency' as const,
    alignments: alignmentsOf(competencesOfArea(area)),
  };
}

export async function issueBadge(
  tx: DbOrTx,
  cipher: CprCipher,
  input: {
    issuer: Issuer;
    citizen: { id: string; firstName: string; lastName: string };
    achievement: CredentialFacts['achievement'];
    kind: 'offer' | 'digcomp';
    enrolmentId?: string;
    assessmentId?: string;
    area?: string;
    level?: number;
    by: string | null;
  },
): Promise<BadgeRow> {
  const { issuer, citizen } = input;
  const id = crypto.randomUUID();
  const issuedAt = clock.now();
  const key = await issuerKey(tx, cipher, issuer.municipalityId);
  const statusIndex = await takeStatusIndex(tx, issuer.municipalityId);
  const credential = buildCredential({
    badgeId: id,
    issuer: {
      id: `${issuer.origin}/api/badges/issuers/${issuer.municipalityId}`,
      name: issuer.name,
      url: issuer.origin,
    },
    achievement: input.achievement,
    // An opaque earner id: stable per citizen, meaningless without the municipality's key.
    subject: {
      id: `urn:digiloft:earner:${cipher.hash(`badge-earner:${citizen.id}`)}`,
      name: `${citizen.firstName} ${citizen.lastName}`,
    },
    validFrom: issuedAt,
    status: { listUrl: statusListUrl(issuer.origin, issuer.municipalityId), index: statusIndex },
  });
  const jwt = await signCredential(credential, key, issuer.origin);
  const [row] = await tx
    .insert(badges)
    .values({
      id,
      municipalityId: issuer.municipalityId,
      citizenId: citizen.id,
      kind: input.kind,
      enrolmentId: input.enrolmentId ?? null,
      assessmentId: input.assessmentId ?? null,
      area: input.area ?? null,
      level: input.level ?? null,
      name: input.achievement.name,
      credential: jwt,
      statusIndex,
      issuedAt,
      issuedBy: input.by,
    })
    .returning();
  return row!;
}

/** The credential's JSON, read back from its JWT payload (ours, so no verification needed). */
export function credentialOf(jwt: string): OpenBadgeCredential {
  return JSON.parse(
    Buffer.from(jwt.split('.')[1]!, 'base64url').toString('utf8'),
    // We signed this payload ourselves a line above.
  ) as OpenBadgeCredential;
}

/** A one-page certificate with the name, the achievement and a QR code to the verify page. */
export async function certificatePdf(
  badge: BadgeRow,
  holder: string,
  verifyUrl: string,
  lang: 'da' | 'en',
): Promise<Buffer> {
  const c = credentialOf(badge.credential);
  const a = c.credentialSubject.achievement;
  const da = lang === 'da';
  const title = `${da ? 'Kompetencebevis' : 'Certificate'}: ${a.name}`;
  const pdf = accessiblePdf({ title, lang, margin: 60 });
  const { doc, heading, paragraph } = pdf;
  const centre = { align: 'center' as const };
  doc.fillColor('#555');
  paragraph(c.issuer.name, 12, centre);
  doc.moveDown(2).fillColor('#000');
  heading(da ? 'Kompetencebevis' : 'Certificate', 1, 28, centre);
  doc.moveDown(1.5);
  paragraph(da ? 'Dette bevis er udstedt til' : 'This certificate is issued to', 14, centre);
  doc.moveDown(0.5);
  paragraph(holder, 22, centre);
  doc.moveDown(1.5);
  heading(a.name, 2, 18, centre);
  doc.moveDown(0.8).fillColor('#333');
  paragraph(a.description, 11, centre);
  if (a.alignment.length > 0) {
    doc.moveDown(1);
    paragraph(
      `DigComp 2.2: ${a.alignment.map((x) => `${x.targetCode} ${x.targetName}`).join(' · ')}`,
      10,
      centre,
    );
  }
  const issued = new Date(c.validFrom).toLocaleDateString(da ? 'da-DK' : 'en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Europe/Copenhagen',
  });
  doc.moveDown(1.5).fillColor('#000');
  paragraph(`${da ? 'Udstedt' : 'Issued'} ${issued}`, 11, centre);
  const qr = await QRCode.toString(verifyUrl, {
    type: 'svg',
    margin: 1,
    errorCorrectionLevel: 'M',
  });
  const top = doc.y + 20;
  pdf.figure(
    da
      ? `QR-kode til siden, hvor beviset kan tjekkes: ${verifyUrl}`
      : `QR code to the page where the certificate can be checked: ${verifyUrl}`,
    () => SVGtoPDF(doc, qr, doc.page.width / 2 - 60, top, { width: 120, height: 120 }),
  );
  doc.y = top + 130;
  doc.fillColor('#555');
  paragraph(
    da
      ? `Beviset er et digitalt signeret Open Badge (Open Badges 3.0). Tjek det på ${verifyUrl}`
      : `This certificate is a digitally signed Open Badge (Open Badges 3.0). Check it at ${verifyUrl}`,
    9,
    centre,
  );
  return pdf.end();
}
