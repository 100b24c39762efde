import { endpoint } from '../platform/http/endpoint';
import { access } from '../platform/http/access';
import { z } from 'zod';
import { IdParams } from '../organisation';
import {
  EnrolmentView,
  OccupationQuery,
  OccupationsView,
  OfferInput,
  OfferSummaryView,
  OfferView,
  SessionInput,
  StatsView,
} from './learning.contract';

export const offersApi = {
  listOffers: endpoint({
    method: 'GET',
    path: '/api/learning/offers',
    access: access.roles('admin', 'pilot_manager', 'caseworker', 'ementor', 'analyst'),
    tags: ['learning'],
    query: z.object({ all: z.enum(['0', '1']).default('0') }),
    response: { 200: z.array(OfferSummaryView) },
  }),
  createOffer: endpoint({
    method: 'POST',
    path: '/api/learning/offers',
    access: access.roles('admin', 'pilot_manager'),
    tags: ['learning'],
    body: OfferInput,
    response: { 201: OfferView },
  }),
  getOffer: endpoint({
    method: 'GET',
    path: '/api/learning/offers/:id',
    access: access.roles('admin', 'pilot_manager', 'caseworker', 'ementor', 'analyst'),
    tags: ['learning'],
    params: IdParams,
    response: { 200: OfferView },
  }),
  updateOffer: endpoint({
    method: 'PUT',
    path: '/api/learning/offers/:id',
    access: access.roles('admin', 'pilot_manager'),
    tags: ['learning'],
    params: IdParams,
    body: OfferInput,
    response: { 200: OfferView },
  }),
  retireOffer: endpoint({
    method: 'POST',
    path: '/api/learning/offers/:id/retire',
    access: access.roles('admin', 'pilot_manager'),
    tags: ['learning'],
    params: IdParams,
    response: { 200: OfferView },
  }),
  addOfferSession: endpoint({
    method: 'POST',
    path: '/api/learning/offers/:id/sessions',
    access: access.roles('admin', 'pilot_manager'),
    tags: ['learning'],
    params: IdParams,
    body: SessionInput,
    response: { 201: OfferView },
  }),
  removeOfferSession: endpoint({
    method: 'DELETE',
    path: '/api/learning/offers/:id/sessions/:sessionId',
    access: access.roles('admin', 'pilot_manager'),
    tags: ['learning'],
    params: z.object({ id: z.uuid(), sessionId: z.uuid() }),
    response: { 200: OfferView },
  }),
  offerEnrolments: endpoint({
    method: 'GET',
    path: '/api/learning/offers/:id/enrolments',
    access: access.roles('admin', 'pilot_manager'),
    personalData: true,
    tags: ['learning'],
    params: IdParams,
    response: { 200: z.array(EnrolmentView) },
  }),
  searchOccupations: endpoint({
    method: 'GET',
    path: '/api/esco/occupations',
    access: access.roles('admin', 'pilot_manager', 'caseworker', 'ementor', 'analyst'),
    tags: ['learning'],
    query: OccupationQuery,
    response: { 200: OccupationsView },
  }),
  learningStats: endpoint({
    method: 'GET',
    path: '/api/learning/stats',
    access: access.roles('analyst', 'admin', 'pilot_manager'),
    tags: ['learning'],
    response: { 200: StatsView },
  }),
};
